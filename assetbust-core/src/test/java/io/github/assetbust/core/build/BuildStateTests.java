package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.retention.Generations;
import io.github.assetbust.core.retention.Retention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildStateTests {

	private static final String OLD_DIGEST = "0123456789abcdef0123456789abcdef";

	private static final String NEW_DIGEST = "fedcba9876543210fedcba9876543210";

	private static final Instant EARLIER = Instant.parse("2026-11-25T14:00:00Z");

	private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW.plusMillis(750), ZoneOffset.UTC);

	private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

	@TempDir
	Path temp;

	Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root")).toRealPath();
	}

	private BuildOptions options() {
		return BuildOptions.forRoot(this.root);
	}

	private Path manifestFile() {
		return options().manifest();
	}

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	/** Entries for css/main.css pointing at its copy with {@code digest}, which is there, written long ago. */
	private Map<AssetPath, ManifestEntry> entries(String digest) throws IOException {
		AssetPath copy = path("css/main-" + digest + ".css");
		Path file = TestFiles.write(this.root, copy.toString(), "a{}");
		Files.setLastModifiedTime(file, LONG_AGO);
		return Map.of(path("css/main.css"), new ManifestEntry(copy, "sha384-x", 3));
	}

	private Manifest previousManifest(Instant generated) throws IOException {
		Manifest manifest = new Manifest(DigestAlgorithm.MD5, generated, entries(OLD_DIGEST));
		ManifestStore.write(manifest, manifestFile());
		return manifest;
	}

	// reading

	@Test
	void knowsNothingBeforeTheFirstBuild() {
		BuildState state = BuildStates.read(options());
		assertThat(state.previous()).isEqualTo(Manifest.empty());
		assertThat(state.generations()).isEqualTo(Generations.none());
	}

	@Test
	void readsTheManifestItWillReplace() throws IOException {
		Manifest previous = previousManifest(EARLIER);
		assertThat(BuildStates.read(options()).previous()).isEqualTo(previous);
	}

	@Test
	void refusesToReplaceAFileThatIsNotAManifestAndLeavesItAsItWas() throws IOException {
		Path notes = TestFiles.write(this.root, BuildOptions.DEFAULT_MANIFEST_NAME, "my notes, not JSON");
		assertThatThrownBy(() -> BuildStates.read(options())).isInstanceOf(AssetbustException.class)
			.hasMessageStartingWith("Refusing to replace " + notes + ", which is not an assetbust manifest (")
			.hasMessageEndingWith("); move it away, or point the manifest somewhere else");
		assertThat(notes).hasContent("my notes, not JSON");
	}

	@Test
	void countsTheManifestAndEveryStateFileAsItsOwn() {
		Path state = this.temp.resolve("state");
		BuildOptions options = options().withStateDirectory(state);
		assertThat(BuildStates.read(options).files()).containsExactlyInAnyOrder(manifestFile(),
				state.resolve(".asset-manifest.json.cache.json"), state.resolve(".asset-manifest.json.generations.json"),
				state.resolve(".asset-manifest.json.up-to-date.properties"), state.resolve(".asset-manifest.json.lock"));
	}

	// commit

	@Test
	void commitWritesTheManifestOfTheEntriesWithTheTimeToTheSecond() throws IOException {
		Map<AssetPath, ManifestEntry> entries = entries(NEW_DIGEST);
		Manifest committed = BuildStates.read(options()).commit(entries, CLOCK);
		assertThat(committed).isEqualTo(new Manifest(DigestAlgorithm.MD5, NOW, entries));
		assertThat(ManifestStore.read(manifestFile())).isEqualTo(committed);
	}

	@Test
	void commitLeavesTheTimeOutOfAReproducibleManifest() throws IOException {
		Manifest committed = BuildStates.read(options().withReproducible(true)).commit(entries(NEW_DIGEST), CLOCK);
		assertThat(committed.generated()).isNull();
		assertThat(ManifestStore.read(manifestFile()).generated()).isNull();
	}

	@Test
	void commitWritesNothingWhenTheManifestWouldSayWhatTheOneOnDiskSays() throws IOException {
		Manifest previous = previousManifest(EARLIER);
		String stamp = FileStamp.of(manifestFile());
		BuildState state = BuildStates.read(options());
		Manifest committed = state.commit(previous.assets(), CLOCK);
		assertThat(committed).isSameAs(state.previous()).isEqualTo(previous);
		assertThat(committed.generated()).isEqualTo(EARLIER);
		assertThat(FileStamp.of(manifestFile())).isEqualTo(stamp);
	}

	@Test
	void commitReplacesAManifestWithTheSameEntriesOnceTheBuildIsReproducible() throws IOException {
		Manifest previous = previousManifest(EARLIER);
		Manifest committed = BuildStates.read(options().withReproducible(true)).commit(previous.assets(), CLOCK);
		assertThat(committed.generated()).isNull();
		assertThat(ManifestStore.read(manifestFile()).generated()).isNull();
	}

	@Test
	void commitReplacesAManifestWithTheSameEntriesWrittenWithAnotherAlgorithm() throws IOException {
		Manifest previous = previousManifest(EARLIER);
		BuildOptions sha256 = options().withAlgorithm(DigestAlgorithm.SHA256).withDigestLength(32);
		Manifest committed = BuildStates.read(sha256).commit(previous.assets(), CLOCK);
		assertThat(ManifestStore.read(manifestFile()).algorithm()).isEqualTo(DigestAlgorithm.SHA256)
			.isEqualTo(committed.algorithm());
	}

	// retain

	@Test
	void retainRecordsThisBuildsGenerationAfterThePreviousManifests() throws IOException {
		previousManifest(EARLIER);
		BuildState state = BuildStates.read(options());
		Manifest manifest = state.commit(entries(NEW_DIGEST), CLOCK);
		state.retain(this.root, manifest, CLOCK);
		assertThat(Generations.read(options().stateFile(StateFile.GENERATIONS)).list()).containsExactly(
				new Generations.Generation(NOW, Set.of(path("css/main-" + NEW_DIGEST + ".css"))),
				new Generations.Generation(EARLIER, Set.of(path("css/main-" + OLD_DIGEST + ".css"))));
	}

	@Test
	void retainRemovesWhatRetentionNoLongerKeepsAndForgetsIt() throws IOException {
		previousManifest(EARLIER);
		BuildOptions keepNone = options().withRetention(new Retention(0, Duration.ZERO));
		BuildState state = BuildStates.read(keepNone);
		Manifest manifest = state.commit(entries(NEW_DIGEST), CLOCK);
		AssetCleaner.Result result = state.retain(this.root, manifest, CLOCK);
		assertThat(result.removed()).containsExactly(path("css/main-" + OLD_DIGEST + ".css"));
		assertThat(this.root.resolve("css/main-" + OLD_DIGEST + ".css")).doesNotExist();
		assertThat(this.root.resolve("css/main-" + NEW_DIGEST + ".css")).isRegularFile();
		assertThat(Generations.read(keepNone.stateFile(StateFile.GENERATIONS)).list())
			.containsExactly(new Generations.Generation(NOW, Set.of(path("css/main-" + NEW_DIGEST + ".css"))));
	}

	@Test
	void retainKeepsTheCopiesOfAsManyPreviousGenerationsAsConfigured() throws IOException {
		previousManifest(EARLIER);
		BuildState state = BuildStates.read(options().withRetention(new Retention(1, Duration.ZERO)));
		Manifest manifest = state.commit(entries(NEW_DIGEST), CLOCK);
		assertThat(state.retain(this.root, manifest, CLOCK).removed()).isEmpty();
		assertThat(this.root.resolve("css/main-" + OLD_DIGEST + ".css")).isRegularFile();
	}

	@Test
	void retainWritesNoRecordWhenNothingChanged() throws IOException {
		previousManifest(EARLIER);
		BuildState first = BuildStates.read(options());
		first.retain(this.root, first.commit(entries(NEW_DIGEST), CLOCK), CLOCK);
		Path record = options().stateFile(StateFile.GENERATIONS);
		String stamp = FileStamp.of(record);
		BuildState again = BuildStates.read(options());
		again.retain(this.root, again.commit(entries(NEW_DIGEST), CLOCK), Clock.offset(CLOCK, Duration.ofMinutes(5)));
		assertThat(FileStamp.of(record)).isEqualTo(stamp);
	}

	// the cache

	@Test
	void storeCacheKeepsWhatTheBuildLearntForTheNextBuild() throws IOException {
		Map<AssetPath, ManifestEntry> entries = entries(NEW_DIGEST);
		AssetPath asset = path("css/main.css");
		BuildCache.Entry learnt = new BuildCache.Entry("3/2026-11-25T15:00:00Z/(ino=1)", entries.get(asset), Map.of(),
				Map.of());
		BuildState state = BuildStates.read(options());
		state.cache().put(asset, learnt);
		state.storeCache();
		assertThat(BuildStates.read(options()).cache().reusable(this.root, asset, learnt.stamp())).isEqualTo(learnt);
	}

	@Test
	void storeCacheWritesNothingWhenTheBuildLearntNothingNew() {
		BuildStates.read(options()).storeCache();
		assertThat(options().stateFile(StateFile.CACHE)).doesNotExist();
	}

	@Test
	void aCacheThatCannotBeWrittenOnlyCostsTheNextBuildTime() throws IOException {
		Path cache = Files.createDirectories(options().stateFile(StateFile.CACHE));
		TestFiles.write(cache, "in-the-way", "x");
		BuildState state = BuildStates.read(options());
		state.cache().put(path("css/main.css"), new BuildCache.Entry("stamp", entries(NEW_DIGEST).get(path("css/main.css")),
				Map.of(), Map.of()));
		assertThatNoException().isThrownBy(state::storeCache);
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
		assertThat(List.of(cache.toFile().list())).containsExactly("in-the-way");
	}

}
