package io.github.assetbust.web.reactive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assetbust.rewrite-links=true} in a reactive application under a base path: a template
 * with only plain {@code @{...}} links, rendered by Spring Boot's reactive Thymeleaf, comes out
 * with the asset links hashed, and they load; {@code assets.url()} starts with the base path too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "assetbust.rewrite-links=true",
				"spring.webflux.base-path=/shop" })
class ReactiveRewriteLinksTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-reactive-links");
			Files.createDirectories(root.resolve("css"));
			Files.createDirectories(root.resolve("js"));
			Files.writeString(root.resolve("css/main.css"), "body { color: teal; }", StandardCharsets.UTF_8);
			Files.writeString(root.resolve("js/app.js"), "console.log('app');", StandardCharsets.UTF_8);
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", () -> "file:" + ROOT);
		registry.add("assetbust.build.on-startup", () -> "true");
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private static String attribute(String html, String id, String name) {
		Matcher matcher = Pattern.compile("<[^>]*id=\"" + id + "\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(html);
		assertThat(matcher.find()).as("element %s with %s in %s", id, name, html).isTrue();
		return matcher.group(1);
	}

	@Test
	void plainLinksToAssetsComeOutHashedAndLoad() throws Exception {
		String html = LocalHttp.get(this.port, "/shop/links").body();
		String stylesheet = attribute(html, "stylesheet", "href");
		assertThat(stylesheet).matches("/shop/css/main-[0-9a-f]{32}\\.css").isEqualTo(this.assets.url("main.css"));
		assertThat(attribute(html, "query", "href")).isEqualTo(stylesheet + "?v=2");
		assertThat(attribute(html, "script", "src")).matches("/shop/js/app-[0-9a-f]{32}\\.js");

		HttpResponse<String> css = LocalHttp.get(this.port, stylesheet);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.body()).isEqualTo("body { color: teal; }");
		assertThat(css.headers().firstValue("Cache-Control")).hasValue(ReactiveStaticLocationsServingTests.IMMUTABLE);
	}

	@Test
	void otherLinksStayAsWritten() throws Exception {
		String html = LocalHttp.get(this.port, "/shop/links").body();
		assertThat(attribute(html, "bare", "href")).isEqualTo("/shop/main.css");
		assertThat(attribute(html, "missing", "href")).isEqualTo("/shop/css/missing.css");
		assertThat(attribute(html, "page", "href")).isEqualTo("/shop/about");
		assertThat(attribute(html, "relative", "href")).isEqualTo("css/main.css");
		assertThat(attribute(html, "external", "href")).isEqualTo("https://cdn.example.com/css/main.css");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Controller
		static class Pages {

			@GetMapping("/links")
			String links() {
				return "plain-links";
			}

		}

	}

}
