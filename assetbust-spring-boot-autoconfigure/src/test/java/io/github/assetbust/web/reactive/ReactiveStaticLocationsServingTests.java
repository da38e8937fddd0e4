package io.github.assetbust.web.reactive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.web.servlet.DynamicPage;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.system.ApplicationTemp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.DispatcherHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero configuration in a reactive application on Netty: the static files of the test class path
 * ({@code static/css/zero.css}, which points at {@code static/img/zero.png}) and no assetbust
 * property, fetched over real HTTP; the page is rendered by Spring Boot's reactive Thymeleaf with
 * {@code #assets}, {@code assets:href} and {@code th:href="${@assets.url(...)}"}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveStaticLocationsServingTests {

	static final String IMMUTABLE = "max-age=31536000, public, immutable";

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	WebServerStart webServerStart;

	@Autowired
	ApplicationContext context;

	@AfterAll
	static void removeOutput() {
		File temp = new ApplicationTemp().getDir();
		FileSystemUtils.deleteRecursively(new File(temp, "assetbust"));
		// only if empty: others may keep files in the application's temporary folder too
		temp.delete();
	}

	@Test
	void runsOnWebFluxWithoutSpringMvc() {
		assertThat(this.context.getBeansOfType(DispatcherHandler.class)).hasSize(1);
		assertThat(this.context.containsBean("dispatcherServlet")).isFalse();
		assertThat(this.context.getBean("hashedAssetHandlerMapping")).isInstanceOf(HashedAssetHandlerMapping.class);
	}

	@Test
	void theStylesheetUrlWasHashedWhenNettyStartedAcceptingRequests() {
		assertThat(this.webServerStart.stylesheetUrl).matches("/css/zero-[0-9a-f]{32}\\.css")
			.isEqualTo(this.assets.url("css/zero.css"));
	}

	@Test
	void aPageRenderedByReactiveThymeleafLinksTheHashedStylesheetEveryWay() throws Exception {
		assertThat(DynamicPage.stylesheetUrl(this.port, "css/zero.css")).isEqualTo(this.assets.url("css/zero.css"));
		assertThat(DynamicPage.stylesheetUrl(this.port, "zero.css")).isEqualTo(this.assets.url("css/zero.css"));
	}

	@Test
	void servesTheHashedStylesheetAsImmutableUnderTheMd5OfItsBytes() throws Exception {
		String url = this.assets.url("css/zero.css");
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(url).isEqualTo("/css/zero-" + TestDigests.md5(response.body()) + ".css");
	}

	@Test
	void servesTheHashedImageTheHashedStylesheetPointsAt() throws Exception {
		String stylesheet = this.assets.url("css/zero.css");
		String css = new String(LocalHttp.getBytes(this.port, stylesheet).body(), StandardCharsets.UTF_8);
		Matcher image = Pattern.compile("url\\((\\.\\./img/zero-[0-9a-f]{32}\\.png)\\)").matcher(css);
		assertThat(image.find()).as("the hashed stylesheet points at the hashed image: %s", css).isTrue();
		String url = URI.create(stylesheet).resolve(image.group(1)).getPath();

		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, url);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(url).isEqualTo("/img/zero-" + TestDigests.md5(response.body()) + ".png");
		assertThat(response.body()).isEqualTo(classPathBytes("static/img/zero.png"));
	}

	@Test
	void servesTheOriginalsAsSpringBootDoesWithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, "/css/zero.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
		assertThat(response.body()).isEqualTo(classPathBytes("static/css/zero.css"));
	}

	@Test
	void aHashedNameOfAGenerationThisServerNeverHadGetsTheCurrentCopyNeverCached() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, "/css/zero-00000000000000000000000000000000.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.body()).as("the current hashed copy")
			.isEqualTo(LocalHttp.getBytes(this.port, this.assets.url("css/zero.css")).body());
	}

	private static byte[] classPathBytes(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DynamicPage.class)
	static class TestApplication {

		@Bean
		WebServerStart webServerStart(ObjectProvider<AssetResolver> assets) {
			return new WebServerStart(assets);
		}

	}

	/**
	 * Notes the stylesheet's URL at the moment the web server has started accepting requests. The
	 * event is found by name: Spring Boot 4 moved it into another package.
	 */
	static class WebServerStart implements ApplicationListener<ApplicationEvent> {

		private static final String[] EVENT = { "org.springframework.boot.web.server.context.WebServerInitializedEvent",
				"org.springframework.boot.web.context.WebServerInitializedEvent" };

		private final ObjectProvider<AssetResolver> assets;

		private final Class<?> event;

		volatile String stylesheetUrl;

		WebServerStart(ObjectProvider<AssetResolver> assets) {
			this.assets = assets;
			ClassLoader classLoader = getClass().getClassLoader();
			String name = ClassUtils.isPresent(EVENT[0], classLoader) ? EVENT[0] : EVENT[1];
			this.event = ClassUtils.resolveClassName(name, classLoader);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (this.event.isInstance(event)) {
				this.stylesheetUrl = this.assets.getObject().url("css/zero.css");
			}
		}

	}

}
