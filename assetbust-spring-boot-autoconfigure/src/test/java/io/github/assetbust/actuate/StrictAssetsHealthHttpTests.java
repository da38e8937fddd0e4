package io.github.assetbust.actuate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.web.servlet.LocalHttp;
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
 * In strict mode a manifest that turns bad makes {@code /actuator/health} answer 503, which is what
 * a load balancer acts on, until a good one is loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "assetbust.strict=true", "assetbust.reload=false",
				"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always" })
class StrictAssetsHealthHttpTests {

	private static final Path FOLDER = createFolder();

	private static final Path MANIFEST = FOLDER.resolve("asset-manifest.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AssetManifest manifest;

	private static Path createFolder() {
		try {
			Path folder = Files.createTempDirectory("assetbust-strict-health");
			writeGoodManifest(folder.resolve("asset-manifest.json"));
			return folder;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void writeGoodManifest(Path file) throws IOException {
		ManifestStore.write(new Manifest(null, null, Map.of(AssetPath.of("css/main.css"),
				new ManifestEntry(AssetPath.of("css/main-0cc175b9c0f1b6a831c399e269772661.css"), null, 1))), file);
	}

	@DynamicPropertySource
	static void manifest(DynamicPropertyRegistry registry) {
		registry.add("assetbust.manifest", () -> "file:" + MANIFEST);
	}

	@AfterAll
	static void removeFolder() throws IOException {
		FileSystemUtils.deleteRecursively(FOLDER);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

	@Test
	void answers503WhileTheManifestIsBrokenAnd200OnceAGoodOneIsLoaded() throws Exception {
		assertThat(get("/actuator/health/assets").statusCode()).isEqualTo(200);
		Files.writeString(MANIFEST, "{\"version\": 1, \"assets\": [", StandardCharsets.UTF_8);
		this.manifest.reload();
		HttpResponse<String> down = get("/actuator/health/assets");
		assertThat(down.statusCode()).isEqualTo(503);
		JsonNode body = JSON.readTree(down.body());
		assertThat(body.get("status").asText()).isEqualTo("DOWN");
		assertThat(body.get("details").get("error").asText()).startsWith("Malformed asset manifest file:" + MANIFEST);
		assertThat(body.get("details").get("entries").asInt()).isEqualTo(1);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
		writeGoodManifest(MANIFEST);
		this.manifest.reload();
		assertThat(get("/actuator/health/assets").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
