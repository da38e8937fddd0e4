package io.github.assetbust.resolve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What {@link AssetManifest} records about each load, for the actuator endpoint and health. */
class ManifestGenerationTests {

	private static final Instant BUILT = Instant.parse("2026-11-25T15:00:00Z");

	@TempDir
	Path folder;

	private static byte[] manifestBytes(Instant generated, String hashed) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ManifestStore.write(new Manifest(DigestAlgorithm.MD5, generated,
				Map.of(AssetPath.of("css/a.css"), new ManifestEntry(AssetPath.of(hashed), null, 1))), out);
		return out.toByteArray();
	}

	private static AssetManifest loaded(byte[] bytes) {
		AssetManifest manifest = new AssetManifest(new ByteArrayResource(bytes), "classpath:m.json");
		manifest.load();
		return manifest;
	}

	@Test
	void knowsNothingBeforeTheFirstLoad() {
		AssetManifest manifest = new AssetManifest(new ByteArrayResource(new byte[0]), "x");
		assertThat(manifest.generation()).isNull();
		assertThat(manifest.lastAttempt()).isNull();
	}

	@Test
	void recordsTheTimestampEntryCountAndADigestOfTheBytes() throws IOException {
		ManifestGeneration generation = loaded(manifestBytes(BUILT, "css/a-0cc175b9c0f1b6a831c399e269772661.css"))
			.generation();
		assertThat(generation.generated()).isEqualTo(BUILT);
		assertThat(generation.entries()).isEqualTo(1);
		assertThat(generation.digest()).matches("sha256:[0-9a-f]{16}");
		assertThat(generation.loadedAt()).isNotNull();
	}

	@Test
	void aReproducibleManifestHasNoTimestampAndTheSameBytesTheSameDigest() throws IOException {
		byte[] bytes = manifestBytes(null, "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		ManifestGeneration first = loaded(bytes).generation();
		ManifestGeneration second = loaded(bytes.clone()).generation();
		ManifestGeneration other = loaded(manifestBytes(null, "css/a-92eb5ffee6ae2fec3ad71c777531578f.css"))
			.generation();
		assertThat(first.generated()).isNull();
		assertThat(second.digest()).isEqualTo(first.digest());
		assertThat(other.digest()).isNotEqualTo(first.digest());
	}

	@Test
	void theDigestIsTheSha256OfEveryByteOfTheFileWhitespaceAfterTheJsonToo() throws Exception {
		byte[] json = manifestBytes(BUILT, "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		byte[] bytes = Arrays.copyOf(json, json.length + 3);
		bytes[json.length] = ' ';
		bytes[json.length + 1] = '\n';
		bytes[json.length + 2] = '\t';
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(loaded(bytes).generation().digest()).isEqualTo("sha256:" + sha256.substring(0, 16));
		assertThat(loaded(json).generation().digest()).isNotEqualTo("sha256:" + sha256.substring(0, 16));
	}

	@Test
	void recordsASuccessfulAttempt() throws IOException {
		LoadAttempt attempt = loaded(manifestBytes(null, "css/a-0cc175b9c0f1b6a831c399e269772661.css")).lastAttempt();
		assertThat(attempt.isSuccess()).isTrue();
		assertThat(attempt.error()).isNull();
	}

	@Test
	void aFailedAttemptKeepsItsErrorAndTheGenerationInUse() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		Files.write(file, manifestBytes(null, "css/a-0cc175b9c0f1b6a831c399e269772661.css"));
		AssetManifest manifest = new AssetManifest(new FileSystemResource(file), "file:" + file);
		manifest.load();
		ManifestGeneration good = manifest.generation();
		Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(manifest::load);
		assertThat(manifest.lastAttempt().isSuccess()).isFalse();
		assertThat(manifest.lastAttempt().error()).startsWith("Malformed asset manifest file:" + file);
		assertThat(manifest.generation()).isSameAs(good);
		assertThat(manifest.reload()).isFalse();
		assertThat(manifest.lastAttempt().error()).startsWith("Malformed asset manifest file:" + file);
	}

	@Test
	void aMissingManifestIsAFailedAttempt() {
		AssetManifest manifest = new AssetManifest(new FileSystemResource(this.folder.resolve("none.json")), "none");
		assertThat(manifest.reload()).isFalse();
		assertThat(manifest.lastAttempt().error()).isEqualTo("No asset manifest at none");
		assertThat(manifest.generation()).isNull();
	}

	@Test
	void countsTheEarlierGenerationsABuildKeepsBesideTheManifest() throws IOException {
		Files.createDirectories(this.folder.resolve("css"));
		Path css = this.folder.resolve("css/main.css");
		BuildOptions options = BuildOptions.forRoot(this.folder);
		for (String colour : new String[] { "red", "green", "blue" }) {
			Files.writeString(css, "body { color: " + colour + "; }", StandardCharsets.UTF_8);
			new AssetBuilder(options).build();
		}
		Path file = this.folder.resolve("asset-manifest.json");
		AssetManifest manifest = new AssetManifest(new FileSystemResource(file), "file:" + file);
		manifest.load();
		assertThat(manifest.generation().entries()).isEqualTo(1);
		assertThat(manifest.generation().retainedGenerations()).isEqualTo(2);
		assertThat(manifest.generation().retainedCopies()).isEqualTo(2);
		assertThat(manifest.generation().generated()).isNotNull();
	}

}
