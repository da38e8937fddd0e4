package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.resolve.AssetManifest;
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
 * After a deploy, a page rendered from the previous manifest (by this server a moment ago, or by
 * another one not yet updated) still gets its hashed files, with the immutable header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "assetbust.reload=false" })
class PreviousGenerationServingTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	AssetManifest manifest;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-generations");
			Files.createDirectories(root.resolve("css"));
			Files.writeString(root.resolve("css/main.css"), "body { color: red; }", StandardCharsets.UTF_8);
			Files.writeString(root.resolve("css/my file #1.css"), "p { margin: 0; }", StandardCharsets.UTF_8);
			new AssetBuilder(BuildOptions.forRoot(root)).build();
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", ROOT::toString);
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

	@Test
	void servesThePreviousGenerationAsImmutableAfterADeploy() throws Exception {
		String before = this.assets.url("css/main.css");
		Files.writeString(ROOT.resolve("css/main.css"), "body { color: blue; }", StandardCharsets.UTF_8);
		new AssetBuilder(BuildOptions.forRoot(ROOT)).build();
		this.manifest.load();
		String after = this.assets.url("css/main.css");
		assertThat(after).isNotEqualTo(before);
		HttpResponse<String> old = get(before);
		assertThat(old.statusCode()).isEqualTo(200);
		assertThat(old.body()).isEqualTo("body { color: red; }");
		assertThat(old.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(get(after).body()).isEqualTo("body { color: blue; }");
	}

	@Test
	void encodesANameWithASpaceAndAHashSoTheUrlFetchesIt() throws Exception {
		String url = this.assets.url("css/my file #1.css");
		assertThat(url).matches("/css/my%20file%20%231-[0-9a-f]{32}\\.css");
		HttpResponse<String> response = get(url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("p { margin: 0; }");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
