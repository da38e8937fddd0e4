package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.resolve.TestDigests;
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
 * A real application on a random port in dynamic mode over a file-system root that nothing ever
 * builds: pages rendered with Thymeleaf point at the md5 of the files as they are on disk, an edit
 * shows on the next render, and everything is fetched over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "assetbust.mode=dynamic", "assetbust.integrity=true" })
class DynamicRootServingTests {

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	private static final Path TEMP = createTemp();

	private static final Path ROOT = TEMP.resolve("html");

	@LocalServerPort
	int port;

	private static Path createTemp() {
		try {
			Path temp = Files.createTempDirectory("assetbust-dynamic");
			Path root = Files.createDirectories(temp.resolve("html"));
			write(root, "css/page.css", "body { color: teal; }");
			write(root, "css/ref.css", ".logo { background: url(../img/logo.png); }");
			write(root, "img/logo.png", "not really a png");
			write(root, "js/app.js", "console.log('live');");
			write(root, "css/.hidden.css", "hidden content");
			Files.writeString(temp.resolve("secret.css"), "top secret content", StandardCharsets.UTF_8);
			Files.createSymbolicLink(root.resolve("css/leak.css"), temp.resolve("secret.css"));
			return temp;
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
	static void removeTemp() throws IOException {
		FileSystemUtils.deleteRecursively(TEMP);
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return DynamicPage.get(this.port, path, headers);
	}

	@Test
	void everyWayOfWritingAnAssetGivesTheMd5OfTheLiveFile() throws Exception {
		assertThat(DynamicPage.stylesheetUrl(this.port, "css/page.css"))
			.isEqualTo("/css/page-" + TestDigests.md5("body { color: teal; }") + ".css");
		assertThat(DynamicPage.stylesheetUrl(this.port, "page.css"))
			.isEqualTo("/css/page-" + TestDigests.md5("body { color: teal; }") + ".css");
	}

	@Test
	void writesTheIntegrityOfTheLiveScript() throws Exception {
		String html = DynamicPage.render(this.port, "css/page.css");
		assertThat(DynamicPage.attribute(html, "script", "src"))
			.isEqualTo("/js/app-" + TestDigests.md5("console.log('live');") + ".js");
		assertThat(DynamicPage.attribute(html, "script", "integrity"))
			.isEqualTo(TestDigests.integrity("console.log('live');"));
		assertThat(DynamicPage.attribute(html, "script", "crossorigin")).isEqualTo("anonymous");
		String script = get(DynamicPage.attribute(html, "script", "src")).body();
		assertThat(TestDigests.integrity(script)).isEqualTo(DynamicPage.attribute(html, "script", "integrity"));
	}

	@Test
	void servesTheHashedUrlFromTheOriginalAsImmutable() throws Exception {
		HttpResponse<String> response = get(DynamicPage.stylesheetUrl(this.port, "css/page.css"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("body { color: teal; }");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		// Spring's VersionResourceResolver makes the version the ETag, a weak one since Spring 7
		assertThat(response.headers().firstValue("ETag").orElseThrow())
			.isIn("\"" + TestDigests.md5("body { color: teal; }") + "\"", "W/\"" + TestDigests.md5("body { color: teal; }") + "\"");
	}

	@Test
	void anEditShowsOnTheNextRenderWithoutABuildAndTheOldUrlIsGone() throws Exception {
		write(ROOT, "css/edit.css", "h1 { color: red; }");
		String before = DynamicPage.stylesheetUrl(this.port, "css/edit.css");
		assertThat(get(before).body()).isEqualTo("h1 { color: red; }");
		write(ROOT, "css/edit.css", "h1 { color: green; font-weight: bold; }");
		String after = DynamicPage.stylesheetUrl(this.port, "css/edit.css");
		assertThat(after).isEqualTo("/css/edit-" + TestDigests.md5("h1 { color: green; font-weight: bold; }") + ".css");
		HttpResponse<String> fresh = get(after);
		assertThat(fresh.statusCode()).isEqualTo(200);
		assertThat(fresh.body()).isEqualTo("h1 { color: green; font-weight: bold; }");
		assertThat(get(before).statusCode()).as("the previous content's URL").isEqualTo(404);
		assertThat(ROOT.resolve("asset-manifest.json")).doesNotExist();
		try (var files = Files.list(ROOT.resolve("css"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).doesNotContain(after.substring(5));
		}
	}

	@Test
	void servesThePlainUrlSoThatTheBrowserRevalidatesIt() throws Exception {
		write(ROOT, "css/plain.css", "p { margin: 0; }");
		HttpResponse<String> first = get("/css/plain.css");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("p { margin: 0; }");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(first.headers().firstValue("ETag")).hasValue("\"" + TestDigests.md5("p { margin: 0; }") + "\"");
		assertThat(first.headers().firstValue("Last-Modified")).isPresent();
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/css/plain.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
		write(ROOT, "css/plain.css", "p { margin: 1em; }");
		HttpResponse<String> changed = get("/css/plain.css", "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo("p { margin: 1em; }");
	}

	@Test
	void referencesInsideCssStayPlainAndResolve() throws Exception {
		HttpResponse<String> css = get(DynamicPage.stylesheetUrl(this.port, "css/ref.css"));
		assertThat(css.body()).isEqualTo(".logo { background: url(../img/logo.png); }");
		HttpResponse<String> image = get("/img/logo.png");
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void servesNamesThatAUrlMustEncode() throws Exception {
		write(ROOT, "css/my file #1.css", "em { }");
		String url = DynamicPage.stylesheetUrl(this.port, "css/my file #1.css");
		assertThat(url).isEqualTo("/css/my%20file%20%231-" + TestDigests.md5("em { }") + ".css");
		assertThat(get(url).body()).isEqualTo("em { }");
		assertThat(get("/css/my%20file%20%231.css").body()).isEqualTo("em { }");
	}

	@Test
	void aHashedNameWhoseDigestIsNotTheFilesIsNotFound() throws Exception {
		assertThat(get("/css/page-00000000000000000000000000000000.css").statusCode()).isEqualTo(404);
		assertThat(get("/css/gone-" + TestDigests.md5("x") + ".css").statusCode()).isEqualTo(404);
	}

	@Test
	void anUnknownAssetKeepsItsOriginalUrl() throws Exception {
		assertThat(DynamicPage.stylesheetUrl(this.port, "css/nope.css")).isEqualTo("/css/nope.css");
	}

	@Test
	void servesNoDotfileAndNoLinkOutOfTheRoot() throws Exception {
		assertThat(DynamicPage.stylesheetUrl(this.port, "css/leak.css")).isEqualTo("/css/leak.css");
		for (String path : new String[] { "/css/leak.css", "/css/leak-" + TestDigests.md5("top secret content") + ".css",
				"/css/.hidden.css", "/css/.hidden-" + TestDigests.md5("hidden content") + ".css" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("top secret content").doesNotContain("hidden content");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DynamicPage.class)
	static class TestApplication {

	}

}
