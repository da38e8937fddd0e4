package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

/** With {@code assetbust.cache-control=false} hashed copies are still served, without the header. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CacheControlOffTests {

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-nocache");
			Files.writeString(Files.createDirectories(root.resolve("js")).resolve("app.js"), "let a = 1;",
					StandardCharsets.UTF_8);
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", ROOT::toString);
		registry.add("assetbust.build.on-startup", () -> "true");
		registry.add("assetbust.cache-control", () -> "false");
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	@Test
	void servesHashedCopiesWithoutTheImmutableHeader() throws Exception {
		String url = this.assets.url("app.js");
		assertThat(url).matches("/js/app-[0-9a-f]{32}\\.js");
		HttpResponse<String> response = LocalHttp.get(this.port, url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("let a = 1;");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
