package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
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

/** With {@code assetbust.compressed=false}, variants on disk are not served as encodings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "assetbust.compressed=false", "assetbust.reload=false" })
class CompressedServingOffTests {

	private static final String CSS = "p { margin: 0; padding: 0; }\n".repeat(50);

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-uncompressed");
			Files.createDirectories(root.resolve("css"));
			Files.writeString(root.resolve("css/main.css"), CSS, StandardCharsets.UTF_8);
			new AssetBuilder(BuildOptions.forRoot(root).withCompress(EnumSet.of(Compression.GZIP))).build();
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

	@Test
	void servesThePlainFileEvenThoughAVariantIsThere() throws Exception {
		String url = this.assets.url("css/main.css");
		assertThat(ROOT.resolve(url.substring(1) + ".gz")).isRegularFile();

		HttpResponse<String> response = LocalHttp.get(this.port, url, "Accept-Encoding", "gzip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().allValues("Vary")).doesNotContain("Accept-Encoding");
		assertThat(response.body()).isEqualTo(CSS);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
