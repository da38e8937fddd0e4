package io.github.assetbust.web.servlet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.github.assetbust.resolve.AssetResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real application on a random port whose startup build writes gzip and Brotli variants, fetched
 * over real HTTP with and without {@code Accept-Encoding}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrecompressedServingTests {

	private static final String CSS = ".button { color: rebeccapurple; padding: 1em 2em; }\n".repeat(60);

	private static final Path ROOT = createRoot();


	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-precompressed");
			Files.createDirectories(root.resolve("css"));
			Files.createDirectories(root.resolve("js"));
			Files.writeString(root.resolve("css/main.css"), CSS, StandardCharsets.UTF_8);
			Files.writeString(root.resolve("css/tiny.css"), "a{}", StandardCharsets.UTF_8);
			Files.writeString(root.resolve("js/app.js"), "console.log('ready');\n".repeat(80), StandardCharsets.UTF_8);
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
		registry.add("assetbust.build.compress", () -> "gzip,br");
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		return (acceptEncoding != null) ? LocalHttp.getBytes(this.port, path, "Accept-Encoding", acceptEncoding)
				: LocalHttp.getBytes(this.port, path);
	}

	private byte[] hashedBytes(String original) throws IOException {
		return Files.readAllBytes(ROOT.resolve(this.assets.url(original).substring(1)));
	}

	private static byte[] unbrotli(byte[] body) throws IOException {
		Brotli4jLoader.ensureAvailability();
		try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	@Test
	void theStartupBuildWroteBothVariants() {
		Path css = ROOT.resolve(this.assets.url("css/main.css").substring(1));
		assertThat(css.resolveSibling(css.getFileName() + ".gz")).isRegularFile();
		assertThat(css.resolveSibling(css.getFileName() + ".br")).isRegularFile();
	}

	@Test
	void servesTheBrotliVariantToABrowserThatListsGzipFirst() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"), "gzip, deflate, br, zstd");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/css"));
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(response.body().length).isLessThan(CSS.length());
		assertThat(unbrotli(response.body())).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void servesTheGzipVariantToAClientThatAcceptsOnlyGzip() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("js/app.js"), "gzip");

		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(gunzip(response.body())).isEqualTo(hashedBytes("js/app.js"));
	}

	@Test
	void servesGzipWhenBrotliIsRefusedWithQualityZero() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"), "br;q=0, gzip;q=0.8");

		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(response.body())).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void servesThePlainFileWithoutAcceptEncodingAndStillVaries() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"), null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/css"));
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(response.body()).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void servesThePlainFileToAClientThatAcceptsNeither() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"), "identity");

		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.body()).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void fallsBackToThePlainFileWhenTheBuildWroteNoVariant() throws Exception {
		Path tiny = ROOT.resolve(this.assets.url("css/tiny.css").substring(1));
		assertThat(tiny.resolveSibling(tiny.getFileName() + ".br")).as("not smaller, so not written").doesNotExist();

		HttpResponse<byte[]> response = get(this.assets.url("css/tiny.css"), "br, gzip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().allValues("Vary")).as("nothing to vary on").doesNotContain("Accept-Encoding");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("a{}");
	}

	@Test
	void fallsBackToTheVariantThatIsThere() throws Exception {
		Path js = ROOT.resolve(this.assets.url("js/app.js").substring(1));
		Files.move(js.resolveSibling(js.getFileName() + ".br"), ROOT.resolve("app.br.moved"));
		try {
			HttpResponse<byte[]> response = get(this.assets.url("js/app.js"), "br, gzip");

			assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(gunzip(response.body())).isEqualTo(hashedBytes("js/app.js"));
		}
		finally {
			Files.move(ROOT.resolve("app.br.moved"), js.resolveSibling(js.getFileName() + ".br"));
		}
	}

	@Test
	void servesOriginalsAsTheyAreWhateverTheClientAccepts() throws Exception {
		HttpResponse<byte[]> response = get("/css/main.css", "br, gzip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(CSS);
	}

	@Test
	void answersAHeadRequestWithTheVariantsHeaders() throws Exception {
		HttpResponse<Void> response = LocalHttp.head(this.port, this.assets.url("css/main.css"), "Accept-Encoding",
				"br");
		Path css = ROOT.resolve(this.assets.url("css/main.css").substring(1));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(Files.size(css.resolveSibling(css.getFileName() + ".br")));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
	}

	@Test
	void answersAHeadRequestForThePlainFileWithTheHeadersOfAGet() throws Exception {
		HttpResponse<Void> response = LocalHttp.head(this.port, this.assets.url("css/main.css"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
