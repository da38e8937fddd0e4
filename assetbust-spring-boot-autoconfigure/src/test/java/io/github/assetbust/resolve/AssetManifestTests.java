package io.github.assetbust.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.UrlResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class AssetManifestTests {

	@TempDir
	Path folder;

	private AssetManifest manifest;

	@AfterEach
	void stopWatching() {
		if (this.manifest != null) {
			this.manifest.close();
		}
	}

	private Path writeManifest(String original, String hashed) throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(new Manifest(DigestAlgorithm.MD5, null,
				Map.of(AssetPath.of(original), new ManifestEntry(AssetPath.of(hashed), null, 1))), file);
		return file;
	}

	private AssetManifest open(Path file) {
		this.manifest = new AssetManifest(new FileSystemResource(file), file.toString());
		return this.manifest;
	}

	@Test
	void isEmptyBeforeTheFirstLoad() throws IOException {
		AssetManifest manifest = open(writeManifest("css/a.css", "css/a-0cc175b9c0f1b6a831c399e269772661.css"));
		assertThat(manifest.index().size()).isZero();
		manifest.load();
		assertThat(manifest.index().find("css/a.css").urlPath()).isEqualTo("/css/a-0cc175b9c0f1b6a831c399e269772661.css");
	}

	@Test
	void aMissingManifestIsAnErrorNamingItsLocation() {
		AssetManifest manifest = open(this.folder.resolve("nowhere.json"));
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(manifest::load)
			.withMessage("No asset manifest at " + this.folder.resolve("nowhere.json"));
	}

	@Test
	void aFolderIsNoManifestAndTheLastGoodOneStays() throws IOException {
		Path file = writeManifest("css/a.css", "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		AssetManifest good = open(file);
		good.load();
		AssetManifest folder = new AssetManifest(new UrlResource(this.folder.toUri()), "file:" + this.folder);
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(folder::load)
			.withMessage("Cannot read asset manifest file:" + this.folder
					+ ": it is a folder; point assetbust.manifest at the manifest file in it");
		assertThat(folder.index().size()).isZero();
		assertThat(good.index().size()).isEqualTo(1);
	}

	@Test
	void aManifestWhoseEntryIsADotfileIsRefused() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		Files.writeString(file, "{\"version\": 1, \"assets\": {\"state.json\": {\"path\": \".asset-manifest.json.cache.json\"}}}",
				StandardCharsets.UTF_8);
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(open(file)::load)
			.withMessageContaining("entry \"state.json\": '.asset-manifest.json.cache.json' can never be an asset: "
					+ "it is hidden (a dotfile)");
	}

	@Test
	void aMalformedManifestIsAnErrorWithTheParserPosition() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		Files.writeString(file, "{\"version\": 1, \"assets\": {\"a.css\": ", StandardCharsets.UTF_8);
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(open(file)::load)
			.withMessageStartingWith("Malformed asset manifest " + file)
			.withMessageContaining("line 1");
	}

	@Test
	void aMalformedManifestLeavesTheLastGoodOneInUse(CapturedOutput output) throws IOException {
		Path file = writeManifest("css/a.css", "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		AssetManifest manifest = open(file);
		manifest.load();
		Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
		assertThat(manifest.reload()).isFalse();
		assertThat(manifest.index().isHashed("css/a-0cc175b9c0f1b6a831c399e269772661.css")).isTrue();
		assertThat(output.getAll()).contains("Malformed asset manifest " + file)
			.contains("still using the previous manifest (1 assets)");
	}

	@Test
	void picksUpAManifestRewrittenOnDisk() throws IOException {
		Path file = writeManifest("css/a.css", "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		AssetManifest manifest = open(file);
		manifest.load();
		manifest.watch(Duration.ofMillis(20));
		writeManifest("css/a.css", "css/a-92eb5ffee6ae2fec3ad71c777531578f.css");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(manifest.index().find("css/a.css").urlPath())
				.isEqualTo("/css/a-92eb5ffee6ae2fec3ad71c777531578f.css"));
	}

	@Test
	void keepsServingTheLastGoodManifestWhenTheNewOneIsMalformed(CapturedOutput output) throws IOException {
		Path file = writeManifest("css/a.css", "css/a-0cc175b9c0f1b6a831c399e269772661.css");
		AssetManifest manifest = open(file);
		manifest.load();
		manifest.watch(Duration.ofMillis(20));
		Files.writeString(file, "{\"version\": 2, \"assets\": {}}", StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getAll()).contains("unsupported version 2"));
		assertThat(manifest.index().find("css/a.css").urlPath())
			.isEqualTo("/css/a-0cc175b9c0f1b6a831c399e269772661.css");
	}

	@Test
	void doesNotWatchAClasspathManifest() {
		AssetManifest manifest = new AssetManifest(new ClassPathResource("no/such/manifest.json"), "classpath:x");
		this.manifest = manifest;
		manifest.watch(Duration.ofMillis(20));
		assertThat(manifest.isFile()).isFalse();
		assertThatExceptionOfType(ManifestLoadException.class).isThrownBy(manifest::load)
			.withMessage("No asset manifest at classpath:x");
	}

}
