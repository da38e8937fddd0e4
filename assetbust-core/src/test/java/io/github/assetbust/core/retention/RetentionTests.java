package io.github.assetbust.core.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which hashed copies of earlier builds survive a build or a clean. */
class RetentionTests {

	private static final Retention KEEP_TWO_NO_AGE = new Retention(2, Duration.ZERO);

	@TempDir
	Path root;

	/** A clock two hours ahead, so that every file written now is older than an hour. */
	private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

	private BuildResult build(String css, Retention retention, Clock clock) throws IOException {
		TestFiles.write(this.root, "css/main.css", css);
		return new AssetBuilder(BuildOptions.forRoot(this.root).withRetention(retention), clock).build();
	}

	private String hashedMain(BuildResult result) {
		return result.manifest().assets().get(AssetPath.of("css/main.css")).path().toString();
	}

	@Test
	void keepsTheCurrentAndTwoPreviousGenerationsAndRemovesTheRest() throws IOException {
		String first = hashedMain(build("a{}", KEEP_TWO_NO_AGE, this.later));
		String second = hashedMain(build("b{}", KEEP_TWO_NO_AGE, this.later));
		String third = hashedMain(build("c{}", KEEP_TWO_NO_AGE, this.later));
		assertThat(this.root.resolve(first)).exists();
		BuildResult fourth = build("d{}", KEEP_TWO_NO_AGE, this.later);
		assertThat(fourth.removed()).extracting(AssetPath::toString).containsExactly(first);
		assertThat(this.root.resolve(first)).doesNotExist();
		assertThat(this.root.resolve(second)).exists();
		assertThat(this.root.resolve(third)).exists();
		assertThat(this.root.resolve(hashedMain(fourth))).exists();
	}

	@Test
	void keepsEveryGeneratedFileYoungerThanMaxAge() throws IOException {
		Retention keepNoneButAnHour = new Retention(0, Duration.ofHours(1));
		String first = hashedMain(build("a{}", keepNoneButAnHour, Clock.systemUTC()));
		BuildResult second = build("b{}", keepNoneButAnHour, Clock.systemUTC());
		assertThat(second.removed()).isEmpty();
		assertThat(this.root.resolve(first)).exists();
		BuildResult third = build("c{}", keepNoneButAnHour, this.later);
		assertThat(third.removed()).extracting(AssetPath::toString).contains(first, hashedMain(second));
	}

	@Test
	void rememberedGenerationsSurviveARestart() throws IOException {
		String first = hashedMain(build("a{}", KEEP_TWO_NO_AGE, this.later));
		build("b{}", KEEP_TWO_NO_AGE, this.later);
		build("c{}", KEEP_TWO_NO_AGE, this.later);
		// a new process: nothing but the files on disk carries over
		Generations recorded = Generations.read(this.root.resolve(".asset-manifest.json.generations.json"));
		assertThat(recorded.list()).hasSize(3);
		build("d{}", KEEP_TWO_NO_AGE, this.later);
		assertThat(this.root.resolve(first)).doesNotExist();
	}

	@Test
	void neverRemovesAFileThatOnlyLooksHashed() throws IOException {
		Path lookalike = TestFiles.write(this.root, "css/main-0123456789abcdef0123456789abcdef.css", "mine");
		for (String css : List.of("a{}", "b{}", "c{}", "d{}", "e{}")) {
			build(css, new Retention(0, Duration.ZERO), this.later);
		}
		assertThat(lookalike).hasContent("mine");
	}

	@Test
	void neverRemovesAnOriginalEvenIfTheRecordClaimsIt() throws IOException {
		build("a{}", KEEP_TWO_NO_AGE, this.later);
		Path record = this.root.resolve(".asset-manifest.json.generations.json");
		Generations forged = Generations.read(record)
			.record(new Generations.Generation(Instant.parse("2020-01-01T00:00:00Z"), Set.of(AssetPath.of("css/main.css"))));
		new Generations(List.of(forged.list().get(1), forged.list().get(0))).write(record);
		for (String css : List.of("b{}", "c{}", "d{}", "e{}")) {
			build(css, new Retention(0, Duration.ZERO), this.later);
		}
		assertThat(this.root.resolve("css/main.css")).hasContent("e{}");
	}

	@Test
	void cleanWithoutAManifestRemovesNothingAndSaysWhy() throws IOException {
		build("a{}", KEEP_TWO_NO_AGE, this.later);
		build("b{}", KEEP_TWO_NO_AGE, this.later);
		Files.delete(this.root.resolve("asset-manifest.json"));
		List<String> before = TestFiles.allRegularFiles(this.root);
		assertThatThrownBy(() -> new AssetBuilder(
				BuildOptions.forRoot(this.root).withRetention(new Retention(0, Duration.ZERO)), this.later)
			.clean())
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("No manifest at " + this.root.resolve("asset-manifest.json"))
			.hasMessageContaining("nothing was removed");
		assertThat(TestFiles.allRegularFiles(this.root)).isEqualTo(before);
	}

	@Test
	void cleanAppliesRetentionWithoutBuilding() throws IOException {
		String first = hashedMain(build("a{}", new Retention(5, Duration.ZERO), this.later));
		String second = hashedMain(build("b{}", new Retention(5, Duration.ZERO), this.later));
		AssetCleaner.Result result = new AssetBuilder(
				BuildOptions.forRoot(this.root).withRetention(new Retention(0, Duration.ZERO)), this.later)
			.clean();
		assertThat(result.removed()).extracting(AssetPath::toString).containsExactly(first);
		assertThat(result.bytes()).isEqualTo(3);
		assertThat(this.root.resolve(second)).exists();
		assertThat(AssetChecker.check(this.root, this.root.resolve("asset-manifest.json")).problems()).isEmpty();
	}

	@Test
	void recordsTheGenerationOfAManifestBuiltBeforeRecordsWereKept() throws IOException {
		String first = hashedMain(build("a{}", KEEP_TWO_NO_AGE, this.later));
		Files.delete(this.root.resolve(".asset-manifest.json.generations.json"));
		build("b{}", new Retention(0, Duration.ZERO), this.later);
		// the previous manifest told the build what it had generated, so it could be cleaned
		assertThat(this.root.resolve(first)).doesNotExist();
	}

	@Test
	void aMalformedRecordStopsTheBuildBeforeAnythingIsWritten() throws IOException {
		BuildResult first = build("a{}", KEEP_TWO_NO_AGE, this.later);
		Path record = this.root.resolve(".asset-manifest.json.generations.json");
		Files.writeString(record, "{\"generations\": [{\"built\": \"yesterday\"}]}", StandardCharsets.UTF_8);
		byte[] manifest = Files.readAllBytes(first.manifestFile());
		assertThatThrownBy(() -> build("b{}", KEEP_TWO_NO_AGE, this.later)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("The generation record " + record + " is malformed")
			.hasMessageContaining("move it away");
		assertThat(Files.readAllBytes(first.manifestFile())).isEqualTo(manifest);
	}

	@Test
	void keepingZeroGenerationsLeavesOnlyTheCurrentCopies() throws IOException {
		Retention none = new Retention(0, Duration.ZERO);
		build("a{}", none, this.later);
		build("b{}", none, this.later);
		BuildResult third = build("c{}", none, this.later);
		assertThat(TestFiles.regularFiles(this.root)).containsExactly("asset-manifest.json", hashedMain(third),
				"css/main.css");
	}

}
