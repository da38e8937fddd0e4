package io.github.assetbust.core.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.compress.PrecompressionTests;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A stale hashed copy's precompressed variants go with it; those of kept copies stay. */
class VariantRetentionTests {

	private static final Set<Compression> BOTH = EnumSet.of(Compression.GZIP, Compression.BR);

	@TempDir
	Path root;

	/** A clock two hours ahead, so that every file written now is older than an hour. */
	private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

	private Path build(String css, Retention retention, Clock clock) throws IOException {
		TestFiles.write(this.root, "css/main.css", css);
		BuildResult result = new AssetBuilder(
				BuildOptions.forRoot(this.root).withRetention(retention).withCompress(BOTH), clock)
			.build();
		return this.root.resolve(result.manifest().assets().get(AssetPath.of("css/main.css")).path().toString());
	}

	private static List<Path> withVariants(Path copy) {
		return List.of(copy, copy.resolveSibling(copy.getFileName() + ".gz"),
				copy.resolveSibling(copy.getFileName() + ".br"));
	}

	@Test
	void removesTheVariantsOfAStaleCopyWithItAndKeepsThoseOfKeptCopies() throws IOException {
		Retention keepOne = new Retention(1, Duration.ZERO);
		Path first = build(PrecompressionTests.CSS + "/* 1 */", keepOne, this.later);
		Path second = build(PrecompressionTests.CSS + "/* 2 */", keepOne, this.later);
		withVariants(first).forEach((file) -> assertThat(file).isRegularFile());

		Path third = build(PrecompressionTests.CSS + "/* 3 */", keepOne, this.later);

		withVariants(first).forEach((file) -> assertThat(file).doesNotExist());
		withVariants(second).forEach((file) -> assertThat(file).as("the kept previous generation").isRegularFile());
		withVariants(third).forEach((file) -> assertThat(file).isRegularFile());
	}

	@Test
	void removesTheVariantsOfAStaleCopyThatSomeoneElseDeletedAlready() throws IOException {
		Retention keepNone = new Retention(0, Duration.ZERO);
		Path first = build(PrecompressionTests.CSS + "/* 1 */", keepNone, this.later);
		Files.delete(first);

		build(PrecompressionTests.CSS + "/* 2 */", keepNone, this.later);

		withVariants(first).forEach((file) -> assertThat(file).doesNotExist());
	}

	@Test
	void keepsTheVariantsOfACopyYoungerThanMaxAge() throws IOException {
		Retention keepNoneButAnHour = new Retention(0, Duration.ofHours(1));
		Path first = build(PrecompressionTests.CSS + "/* 1 */", keepNoneButAnHour, Clock.systemUTC());

		build(PrecompressionTests.CSS + "/* 2 */", keepNoneButAnHour, Clock.systemUTC());

		withVariants(first).forEach((file) -> assertThat(file).isRegularFile());
	}

	@Test
	void neverRemovesAVariantLookalikeOfAFileThatNoBuildGenerated() throws IOException {
		Path mine = TestFiles.write(this.root, "css/mine-0123456789abcdef0123456789abcdef.css.gz", "not ours");
		Retention keepNone = new Retention(0, Duration.ZERO);
		for (String css : List.of("a{}", "b{}", "c{}")) {
			build(PrecompressionTests.CSS + css, keepNone, this.later);
		}

		assertThat(mine).hasContent("not ours");
	}

	@Test
	void theCleanCommandRemovesVariantsToo() throws IOException {
		Retention keepAll = new Retention(5, Duration.ZERO);
		Path first = build(PrecompressionTests.CSS + "/* 1 */", keepAll, this.later);
		build(PrecompressionTests.CSS + "/* 2 */", keepAll, this.later);
		long copyAndVariants = 0;
		for (Path file : withVariants(first)) {
			copyAndVariants += Files.size(file);
		}

		AssetCleaner.Result result = new AssetBuilder(
				BuildOptions.forRoot(this.root).withRetention(new Retention(0, Duration.ZERO)), this.later)
			.clean();

		assertThat(result.removed()).containsExactly(AssetPath.of("css/" + first.getFileName()));
		assertThat(result.bytes()).isEqualTo(copyAndVariants);
		withVariants(first).forEach((file) -> assertThat(file).doesNotExist());
	}

}
