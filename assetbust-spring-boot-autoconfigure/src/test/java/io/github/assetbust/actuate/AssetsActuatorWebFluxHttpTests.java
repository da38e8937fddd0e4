package io.github.assetbust.actuate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.resolve.AssetResolver;
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
 * The endpoint and the health indicator of a reactive application on Netty, as an operator sees
 * them: over HTTP, as JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=assets,health",
				"management.endpoint.health.show-details=always" })
class AssetsActuatorWebFluxHttpTests {

	private static final Path ROOT = createRoot();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	/** Two builds: the manifest in use and one earlier generation kept beside it. */
	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-reactive-actuator");
			Files.createDirectories(root.resolve("css"));
			Files.writeString(root.resolve("js.js"), "let x = 1;", StandardCharsets.UTF_8);
			for (String colour : new String[] { "red", "blue" }) {
				Files.writeString(root.resolve("css/main.css"), "body { color: " + colour + "; }",
						StandardCharsets.UTF_8);
				new AssetBuilder(BuildOptions.forRoot(root)).build();
			}
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", () -> "file:" + ROOT);
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

	@Test
	void theAssetsEndpointReportsTheManifestAndTheLookupsThatMissed() throws Exception {
		this.assets.url("css/main.css");
		this.assets.url("css/missing-in-webflux-test.css");
		HttpResponse<String> response = get("/actuator/assets");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("location").asText()).isEqualTo("file:" + ROOT + "/asset-manifest.json");
		assertThat(body.get("watching").asBoolean()).isTrue();
		JsonNode generation = body.get("generation");
		assertThat(generation.get("entries").asInt()).isEqualTo(2);
		assertThat(generation.get("retainedGenerations").asInt()).isEqualTo(1);
		assertThat(generation.get("retainedCopies").asInt()).isEqualTo(1);
		assertThat(generation.get("digest").asText()).matches("sha256:[0-9a-f]{16}");
		assertThat(generation.get("generated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(generation.get("loadedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(body.get("lastLoad").get("outcome").asText()).isEqualTo("success");
		assertThat(body.get("lastLoad").has("error")).isFalse();
		JsonNode missing = body.get("missing");
		assertThat(missing.get("lookups").asLong()).isEqualTo(1);
		assertThat(missing.get("paths").toString()).isEqualTo("[\"css/missing-in-webflux-test.css\"]");
	}

	@Test
	void theAssetsEndpointCountsTheHashedRequestsAnsweredWithTheCurrentCopy() throws Exception {
		String unknown = "css/main-000000000000000000000000005e7f1f.css";
		HttpResponse<String> stale = get("/" + unknown);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).isEqualTo("body { color: blue; }");
		assertThat(stale.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(get("/" + unknown).statusCode()).isEqualTo(200);
		// the copy the manifest lists is no stale request
		assertThat(get(this.assets.url("css/main.css")).statusCode()).isEqualTo(200);
		HttpResponse<String> response = get("/actuator/assets");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode staleHashed = JSON.readTree(response.body()).get("staleHashed");
		assertThat(staleHashed.get("lookups").asLong()).isEqualTo(2);
		assertThat(staleHashed.get("distinctPaths").asInt()).isEqualTo(1);
		assertThat(staleHashed.get("paths").toString()).isEqualTo("[\"" + unknown + "\"]");
	}

	@Test
	void theHealthIndicatorIsUpWithTheManifestsEntriesAndLocation() throws Exception {
		HttpResponse<String> response = get("/actuator/health/assets");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("status").asText()).isEqualTo("UP");
		assertThat(body.get("details").get("entries").asInt()).isEqualTo(2);
		assertThat(body.get("details").get("location").asText()).isEqualTo("file:" + ROOT + "/asset-manifest.json");
		assertThat(body.get("details").has("error")).isFalse();
		JsonNode overall = JSON.readTree(get("/actuator/health").body());
		assertThat(overall.get("components").get("assets").get("status").asText()).isEqualTo("UP");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
