package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.assetbust.core.build.BuildOptions;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata an IDE shows for {@code assetbust.*} keys, as generated at compile time. */
class ConfigurationMetadataTests {

	private static final List<String> PROPERTIES = List.of("assetbust.enabled", "assetbust.manifest",
			"assetbust.url-prefix", "assetbust.strict", "assetbust.reload", "assetbust.cache-control",
			"assetbust.integrity", "assetbust.rewrite-links", "assetbust.mode", "assetbust.build.on-startup",
			"assetbust.build.root", "assetbust.build.output", "assetbust.build.include",
			"assetbust.build.exclude", "assetbust.build.algorithm", "assetbust.build.keep",
			"assetbust.build.max-age", "assetbust.compressed", "assetbust.build.compress",
			"assetbust.build.brotli-quality");

	private static JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void everyPropertyHasADescription() throws IOException {
		JsonNode metadata = metadata();
		for (String name : PROPERTIES) {
			JsonNode property = find(metadata, name);
			assertThat(property).as(name).isNotNull();
			assertThat(property.path("description").asText()).as(name).isNotBlank();
		}
	}

	@Test
	void listDefaultsAreDocumented() throws IOException {
		JsonNode metadata = metadata();
		assertThat(find(metadata, "assetbust.build.exclude").get("defaultValue").toString())
			.isEqualTo("[\".*\",\"**/.*\",\"**/*.scss\"]");
		assertThat(find(metadata, "assetbust.build.include").get("defaultValue").toString()).isEqualTo("[\"**/*\"]");
		assertThat(find(metadata, "assetbust.build.compress").get("defaultValue").toString()).isEqualTo("[]");
	}

	@Test
	void scalarDefaultsMatchTheDesign() throws IOException {
		JsonNode metadata = metadata();
		Map<String, String> defaults = Map.ofEntries(Map.entry("assetbust.enabled", "true"),
				Map.entry("assetbust.strict", "false"), Map.entry("assetbust.reload", "true"),
				Map.entry("assetbust.cache-control", "true"), Map.entry("assetbust.integrity", "false"),
				Map.entry("assetbust.rewrite-links", "false"), Map.entry("assetbust.mode", "manifest"),
				Map.entry("assetbust.build.on-startup", "false"), Map.entry("assetbust.build.algorithm", "md5"),
				Map.entry("assetbust.build.keep", "2"), Map.entry("assetbust.build.max-age", "1h"),
				Map.entry("assetbust.compressed", "true"),
				Map.entry("assetbust.build.brotli-quality", String.valueOf(BuildOptions.DEFAULT_BROTLI_QUALITY)));
		defaults.forEach((name, value) -> assertThat(find(metadata, name).get("defaultValue").asText()).as(name)
			.isEqualTo(value));
	}

	@Test
	void theActuatorPropertiesAreDescribed() throws IOException {
		JsonNode metadata = metadata();
		JsonNode health = find(metadata, "management.health.assets.enabled");
		assertThat(health.path("description").asText()).isNotBlank();
		assertThat(health.get("defaultValue").asBoolean()).isTrue();
		assertThat(find(metadata, "management.endpoint.assets.access").path("description").asText())
			.isEqualTo("Permitted level of access for the assets endpoint.");
	}

	@Test
	void theModesAreDescribed() throws IOException {
		JsonNode hint = null;
		for (JsonNode candidate : metadata().get("hints")) {
			if ("assetbust.mode".equals(candidate.get("name").asText())) {
				hint = candidate;
			}
		}
		assertThat(hint).isNotNull();
		assertThat(hint.get("values").findValuesAsText("value")).containsExactly("manifest", "dynamic");
		assertThat(hint.get("values").findValuesAsText("description")).allSatisfy((description) -> assertThat(description).isNotBlank());
	}

	private static JsonNode find(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (name.equals(property.get("name").asText())) {
				return property;
			}
		}
		return null;
	}

}
