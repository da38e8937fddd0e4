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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint and the health indicator as an operator sees them: over HTTP, as JSON, the same on
 * Spring MVC and on Spring WebFlux. Each subclass starts its application on a root of its own.
 */
abstract class AssetsActuatorHttpTests {

	static final String EXPOSED = "management.endpoints.web.exposure.include=assets,health";

	static final String DETAILS = "management.endpoint.health.show-details=always";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path root;

	private final String missingPath;

	private final String unknownCopy;

	/**
	 * @param root the subclass's root, made by {@link #createRoot(String)}
	 * @param missingPath an asset the test looks up and no build made
	 * @param unknownCopy a hashed name of {@code css/main.css} that no generation has
	 */
	AssetsActuatorHttpTests(Path root, String missingPath, String unknownCopy) {
		this.root = root;
		this.missingPath = missingPath;
		this.unknownCopy = unknownCopy;
	}

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	/** Two builds: the manifest in use and one earlier generation kept beside it. */
	static Path createRoot(String prefix) {
		try {
			Path root = Files.createTempDirectory(prefix);
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

	static void assetRoot(DynamicPropertyRegistry registry, Path root) {
		registry.add("assetbust.build.root", () -> "file:" + root);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

	@Test
	void theAssetsEndpointReportsTheManifestAndTheLookupsThatMissed() throws Exception {
		this.assets.url("css/main.css");
		this.assets.url(this.missingPath);
		HttpResponse<String> response = get("/actuator/assets");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("location").asText()).isEqualTo("file:" + this.root + "/asset-manifest.json");
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
		assertThat(missing.get("paths").toString()).isEqualTo("[\"" + this.missingPath + "\"]");
	}

	@Test
	void theAssetsEndpointCountsTheHashedRequestsAnsweredWithTheCurrentCopy() throws Exception {
		String unknown = this.unknownCopy;
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
		assertThat(body.get("details").get("location").asText()).isEqualTo("file:" + this.root + "/asset-manifest.json");
		assertThat(body.get("details").has("error")).isFalse();
		JsonNode overall = JSON.readTree(get("/actuator/health").body());
		assertThat(overall.get("components").get("assets").get("status").asText()).isEqualTo("UP");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
