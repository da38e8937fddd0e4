package io.github.assetbust.web.reactive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.web.servlet.DynamicPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assetbust.mode=dynamic} in a reactive application on Netty, over a file-system root that
 * nothing builds: pages point at the md5 of the live files, an edit shows on the next render, and
 * the hashed and plain URLs are served as Spring MVC serves them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "assetbust.mode=dynamic",
				"assetbust.integrity=true" })
class ReactiveDynamicServingTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-reactive-dynamic");
			write(root, "css/page.css", "body { color: teal; }");
			write(root, "js/app.js", "console.log('live');");
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(Path root, String path, String content) throws IOException {
		Files.createDirectories(root.resolve(path).getParent());
		Files.writeString(root.resolve(path), content, StandardCharsets.UTF_8);
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", () -> "file:" + ROOT);
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return DynamicPage.get(this.port, path, headers);
	}

	@Test
	void everyWayOfWritingAnAssetGivesTheMd5OfTheLiveFileWithItsIntegrity() throws Exception {
		assertThat(DynamicPage.stylesheetUrl(this.port, "page.css"))
			.isEqualTo("/css/page-" + TestDigests.md5("body { color: teal; }") + ".css");
		String html = DynamicPage.render(this.port, "css/page.css");
		assertThat(DynamicPage.attribute(html, "script", "integrity")).isEqualTo(TestDigests.integrity("console.log('live');"));
	}

	@Test
	void servesTheHashedUrlFromTheOriginalAsImmutableWithTheMd5AsItsEtag() throws Exception {
		HttpResponse<String> response = get(DynamicPage.stylesheetUrl(this.port, "css/page.css"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("body { color: teal; }");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(ReactiveStaticLocationsServingTests.IMMUTABLE);
		assertThat(response.headers().firstValue("ETag").orElseThrow()).contains(TestDigests.md5("body { color: teal; }"));
	}

	@Test
	void anEditShowsOnTheNextRenderAndTheOldUrlIsGone() throws Exception {
		write(ROOT, "css/edit.css", "h1 { color: red; }");
		String before = DynamicPage.stylesheetUrl(this.port, "css/edit.css");
		assertThat(get(before).body()).isEqualTo("h1 { color: red; }");
		write(ROOT, "css/edit.css", "h1 { color: green; font-weight: bold; }");
		String after = DynamicPage.stylesheetUrl(this.port, "css/edit.css");
		assertThat(after).isEqualTo("/css/edit-" + TestDigests.md5("h1 { color: green; font-weight: bold; }") + ".css");
		assertThat(get(after).body()).isEqualTo("h1 { color: green; font-weight: bold; }");
		assertThat(get(before).statusCode()).as("the previous content's URL").isEqualTo(404);
	}

	@Test
	void servesThePlainUrlSoThatTheBrowserRevalidatesIt() throws Exception {
		write(ROOT, "css/plain.css", "p { margin: 0; }");
		HttpResponse<String> first = get("/css/plain.css");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).isEqualTo("\"" + TestDigests.md5("p { margin: 0; }") + "\"");
		HttpResponse<String> notModified = get("/css/plain.css", "If-None-Match", etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("no-cache");
		write(ROOT, "css/plain.css", "p { margin: 1em; }");
		HttpResponse<String> changed = get("/css/plain.css", "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo("p { margin: 1em; }");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DynamicPage.class)
	static class TestApplication {

	}

}
