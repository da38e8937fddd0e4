package io.github.assetbust.starter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application gets from the starter alone, on whichever Spring Boot line the build
 * selects (-Pboot3 for 3.5): the classpath manifest the Maven goal writes, a Thymeleaf page
 * linking hashed copies, and those copies served from {@code static/} as immutable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "assetbust.integrity=true")
class StarterTests {

	private static final String CSS = "/css/site-c8980a9c9ef6761ae2cf7d3b636e2038.css";

	private static final String IMG = "/img/dot-bde3c76b55aa7f26bf987c0ca1d7ad35.svg";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private String page() throws Exception {
		HttpResponse<byte[]> response = get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static String attribute(String html, String id, String name) {
		Matcher tag = Pattern.compile("<[a-z]+ id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("element #%s in %s", id, html).isTrue();
		Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag.group());
		assertThat(value.find()).as("%s of %s", name, tag.group()).isTrue();
		return value.group(1);
	}

	private static String digest(String algorithm, byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
	}

	@Test
	void runsOnTheSpringBootLineTheBuildSelected() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("assetbust.test.spring-boot.version"));
	}

	@Test
	void thePageLinksTheHashedCopiesTheClasspathManifestLists() throws Exception {
		String html = page();
		assertThat(attribute(html, "css", "href")).isEqualTo(CSS);
		assertThat(attribute(html, "img", "src")).isEqualTo(IMG);
	}

	@Test
	void servesAHashedCopyAsImmutableWithTheBytesItsNameAndIntegrityDigest() throws Exception {
		String html = page();
		HttpResponse<byte[]> response = get(attribute(html, "css", "href"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(CSS).contains("-" + digest("MD5", response.body()) + ".css");
		assertThat(attribute(html, "css", "integrity")).isEqualTo("sha384-"
				+ Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(response.body())));
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("url(../img/dot-");
	}

	@Test
	void servesTheOriginalWithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = get("/css/site.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("url(../img/dot.svg)");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PageController.class)
	static class TestApplication {

	}

	@Controller
	static class PageController {

		@GetMapping("/")
		String page() {
			return "page";
		}

	}

}
