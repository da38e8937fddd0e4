package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata an IDE shows for {@code assetbust.*} keys, as generated at compile time. */
class ConfigurationMetadataTests {

	private static final List<String> PROPERTIES = List.of("assetbust.enabled", "assetbust.manifest",
			"assetbust.url-prefix", "assetbust.strict", "assetbust.reload", "assetbust.cache-control",
			"assetbust.integrity", "assetbust.build.on-startup", "assetbust.build.root", "assetbust.build.include",
			"assetbust.build.exclude", "assetbust.build.algorithm", "assetbust.build.keep",
			"assetbust.build.max-age", "assetbust.compressed", "assetbust.build.compress");

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
			assertThat(property.path("description").asString()).as(name).isNotBlank();
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
		Map<String, String> defaults = Map.of("assetbust.enabled", "true", "assetbust.strict", "false",
				"assetbust.reload", "true", "assetbust.cache-control", "true", "assetbust.integrity", "false",
				"assetbust.build.on-startup", "false", "assetbust.build.algorithm", "md5", "assetbust.build.keep", "2",
				"assetbust.build.max-age", "1h", "assetbust.compressed", "true");
		defaults.forEach((name, value) -> assertThat(find(metadata, name).get("defaultValue").asString()).as(name)
			.isEqualTo(value));
	}

	private static JsonNode find(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (name.equals(property.get("name").asString())) {
				return property;
			}
		}
		return null;
	}

}
