package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

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
 * A real application on a random port whose assets live in a file-system root that the startup
 * runner builds, fetched over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileRootServingTests {

	private static final Path TEMP = createTemp();

	private static final Path ROOT = TEMP.resolve("html");

	private static final Path OUTSIDE = TEMP.resolve("secret.css");


	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	private static Path createTemp() {
		try {
			Path temp = Files.createTempDirectory("assetbust-web");
			Path root = Files.createDirectories(temp.resolve("html/css"));
			Files.writeString(root.resolve("main.css"), "body { color: rebeccapurple; }", StandardCharsets.UTF_8);
			Files.writeString(root.resolve("my file.css"), "p { margin: 0; }", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("secret.css"), "secret", StandardCharsets.UTF_8);
			Files.writeString(root.resolve(".hidden.css"), "hidden", StandardCharsets.UTF_8);
			Files.createSymbolicLink(root.resolve("leak.css"), temp.resolve("secret.css"));
			return temp;
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
	static void removeTemp() throws IOException {
		FileSystemUtils.deleteRecursively(TEMP);
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return LocalHttp.getBytes(this.port, path);
	}

	private static String md5(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
	}

	@Test
	void theStartupBuildRanBeforeTheApplicationWasReady() {
		assertThat(ROOT.resolve("asset-manifest.json")).isRegularFile();
		assertThat(this.assets.url("main.css")).matches("/css/main-[0-9a-f]{32}\\.css");
	}

	@Test
	void servesAHashedCopyFromTheRootAsImmutable() throws Exception {
		String url = this.assets.url("css/main.css");
		HttpResponse<byte[]> response = get(url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(url).contains("-" + md5(response.body()) + ".css");
	}

	@Test
	void servesAHashedNameWithASpace() throws Exception {
		String url = this.assets.url("css/my file.css");
		HttpResponse<byte[]> response = get(url.replace(" ", "%20"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("p { margin: 0; }");
	}

	@Test
	void servesTheOriginalFromTheRootWithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = get("/css/main.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("body { color: rebeccapurple; }");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void aHashedNameOfAGenerationThisServerNeverHadGetsTheCurrentCopyNeverCached() throws Exception {
		HttpResponse<byte[]> response = get("/css/main-00000000000000000000000000000000.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("body { color: rebeccapurple; }");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void aHashedLookingNameOfNoAssetIsNotFound() throws Exception {
		HttpResponse<byte[]> response = get("/css/none-00000000000000000000000000000000.css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void doesNotFollowALinkOutOfTheRoot() throws Exception {
		HttpResponse<byte[]> response = get("/css/leak.css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("secret");
	}

	@Test
	void doesNotServeFilesAboveTheRoot() throws Exception {
		for (String path : new String[] { "/../secret.css", "/css/..%2f..%2fsecret.css", "/%2e%2e/secret.css" }) {
			HttpResponse<byte[]> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(400, 404);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("secret");
		}
		assertThat(OUTSIDE).hasContent("secret");
	}

	@Test
	void doesNotServeTheBuildsStateOrOtherDotfiles() throws Exception {
		assertThat(ROOT.resolve(".asset-manifest.json.generations.json")).isRegularFile();
		for (String path : new String[] { "/.asset-manifest.json.generations.json", "/.asset-manifest.json.cache.json",
				"/.asset-manifest.json.lock", "/css/.hidden.css" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get("/asset-manifest.json").statusCode()).isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
