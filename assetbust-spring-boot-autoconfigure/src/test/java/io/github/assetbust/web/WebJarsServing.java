package io.github.assetbust.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.web.servlet.DynamicPage;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that links WebJars ({@code templates/webjars.html}: bootstrap by its version-less and its
 * versioned path, font-awesome, whose CSS references its fonts with {@code ?v=} and
 * {@code #iefix}, and a WebJar that is not there), fetched over real HTTP from a real server. The
 * Spring MVC and the WebFlux test run these same tests.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class WebJarsServing {

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	private static final String BOOTSTRAP = "/webjars/bootstrap/5.3.8/css/bootstrap.min.css";

	private static final Pattern CSS_URL = Pattern.compile("url\\('?([^')]+)'?\\)");

	@LocalServerPort
	int port;

	private String page() throws Exception {
		HttpResponse<String> page = LocalHttp.get(this.port, "/webjars-page");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return page.body();
	}

	@Test
	void aVersionLessAndAVersionedPathGiveTheVersionedUrl() throws Exception {
		String html = page();
		assertThat(DynamicPage.attribute(html, "bootstrap", "href")).isEqualTo(BOOTSTRAP);
		assertThat(DynamicPage.attribute(html, "versioned", "href")).isEqualTo(BOOTSTRAP);
		assertThat(DynamicPage.attribute(html, "font-awesome", "href"))
			.isEqualTo("/webjars/font-awesome/4.7.0/css/font-awesome.min.css");
	}

	@Test
	void servesTheVersionedUrlAsImmutable() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, BOOTSTRAP);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(response.body()).isEqualTo(classPathBytes("META-INF/resources" + BOOTSTRAP));
	}

	@Test
	void servesTheVersionLessUrlAsSpringBootDoesWithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, "/webjars/bootstrap/css/bootstrap.min.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
		assertThat(response.body()).isEqualTo(classPathBytes("META-INF/resources" + BOOTSTRAP));
	}

	@Test
	void theFontsTheWebJarsCssReferencesLoadAsImmutable() throws Exception {
		String stylesheet = DynamicPage.attribute(page(), "font-awesome", "href");
		String css = LocalHttp.get(this.port, stylesheet).body();
		List<String> fonts = new ArrayList<>();
		for (Matcher url = CSS_URL.matcher(css); url.find();) {
			fonts.add(URI.create("http://localhost" + stylesheet).resolve(url.group(1)).getPath());
		}
		assertThat(fonts).as(css).hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy((font) -> assertThat(font).startsWith("/webjars/font-awesome/4.7.0/fonts/fontawesome-webfont."));
		for (String font : fonts) {
			HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, font);
			assertThat(response.statusCode()).as(font).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(font).hasValue(IMMUTABLE);
			assertThat(response.body()).as(font).isEqualTo(classPathBytes("META-INF/resources" + font));
		}
	}

	@Test
	void anotherVersionOfAWebJarIsNeitherLinkedNorImmutable() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, "/webjars/bootstrap/5.3.7/css/bootstrap.min.css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void aWebJarThatIsNotThereKeepsItsOriginalUrlWithAWarning(CapturedOutput output) throws Exception {
		assertThat(DynamicPage.attribute(page(), "missing", "href")).isEqualTo("/webjars/no-such-webjar/css/none.css");
		assertThat(output).contains("No asset 'webjars/no-such-webjar/css/none.css'")
			.contains("looked for it in the WebJars on the class path");
	}

	private static byte[] classPathBytes(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	/** The page, for the applications of the subclasses. */
	@Controller
	public static class Page {

		@GetMapping("/webjars-page")
		String page() {
			return "webjars";
		}

	}

}
