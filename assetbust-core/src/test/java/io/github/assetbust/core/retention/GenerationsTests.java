package io.github.assetbust.core.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.manifest.FormatFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationsTests {

	@TempDir
	Path folder;

	@Test
	void writesTheSameBytesAsEarlierReleases() throws IOException {
		Path file = this.folder.resolve("generations.json");
		FormatFixtures.generations().write(file);
		assertThat(Files.readAllBytes(file)).isEqualTo(FormatFixtures.bytes("generations.json"));
	}

	@Test
	void readsWhatEarlierReleasesWrote() throws IOException {
		Path file = Files.write(this.folder.resolve("generations.json"), FormatFixtures.bytes("generations.json"));
		assertThat(Generations.read(file)).isEqualTo(FormatFixtures.generations());
	}

	@Test
	void readsBackAnEmptyRecord() throws IOException {
		Path file = this.folder.resolve("generations.json");
		Generations.none().write(file);
		assertThat(Generations.read(file)).isEqualTo(Generations.none());
	}

	@Test
	void aMissingRecordIsAnEmptyOne() {
		assertThat(Generations.read(this.folder.resolve("missing.json"))).isEqualTo(Generations.none());
	}

	@Test
	void rejectsMalformedJsonNamingTheFileAndWhatToDo() throws IOException {
		Path file = Files.writeString(this.folder.resolve("generations.json"), "{\"version\": 1, \"generations\": [");
		assertThatThrownBy(() -> Generations.read(file)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("end-of-input");
	}

	@Test
	void rejectsARecordWithoutGenerationsNamingTheFileAndWhatToDo() throws IOException {
		Path file = Files.writeString(this.folder.resolve("generations.json"), "{\"version\": 1}");
		assertThatThrownBy(() -> Generations.read(file)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("malformed")
			.hasMessageContaining("move it away");
	}

	@Test
	void rejectsAGenerationWithABadTimeOrPath() throws IOException {
		Path time = Files.writeString(this.folder.resolve("time.json"),
				"{\"generations\": [{\"built\": \"yesterday\", \"files\": []}]}");
		assertThatThrownBy(() -> Generations.read(time)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(time.toString())
			.hasMessageContaining("yesterday");
		Path path = Files.writeString(this.folder.resolve("path.json"),
				"{\"generations\": [{\"built\": \"2026-11-25T15:00:00Z\", \"files\": [\"../x\"]}]}");
		assertThatThrownBy(() -> Generations.read(path)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(path.toString())
			.hasMessageContaining("escapes the asset root");
	}

}
