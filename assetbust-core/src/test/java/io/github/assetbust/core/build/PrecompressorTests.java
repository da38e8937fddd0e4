package io.github.assetbust.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrecompressorTests {

	private static final AssetBuilder.Progress NO_PROGRESS = (done, total) -> {
	};

	private static final String LARGE_CSS = ".button{margin:0;padding:4px 8px;border:1px solid #ccc}\n".repeat(200);

	@TempDir
	Path root;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, DaemonThreads.named("test-compress"));

	private final Flusher flusher = new Flusher();

	@AfterEach
	void stopThreads() {
		this.executor.shutdownNow();
		this.flusher.close();
	}

	/** A hashed copy of {@code original} with {@code content}, in place as the hash stage leaves it. */
	private ManifestEntry copy(String original, String content) throws IOException {
		return copy(original, content.getBytes(StandardCharsets.UTF_8));
	}

	private ManifestEntry copy(String original, byte[] content) throws IOException {
		AssetPath hashed = HashedName.of(AssetPath.of(original), TestFiles.md5(content));
		TestFiles.write(this.root, hashed.toString(), content);
		return new ManifestEntry(hashed, null, content.length);
	}

	private Path variant(ManifestEntry copy, Compression compression) {
		return compression.variantOf(copy.path()).resolveAgainst(this.root);
	}

	private BuildCache emptyCache() {
		return BuildCaches.empty(BuildOptions.forRoot(this.root));
	}

	/** The cache after a build that decided {@code variants} for {@code copy} of {@code original}. */
	private BuildCache cacheDeciding(String original, ManifestEntry copy, Map<Compression, Boolean> variants)
			throws IOException {
		return BuildCaches.remembering(BuildOptions.forRoot(this.root), AssetPath.of(original),
				new BuildCache.Entry("stamp", copy, Map.of(), variants));
	}

	private Precompressor.Compressed run(BuildCache cache, Set<Compression> compressions, ManifestEntry... copies) {
		return run(cache, compressions, BuildOptions.DEFAULT_BROTLI_QUALITY, copies);
	}

	private Precompressor.Compressed run(BuildCache cache, Set<Compression> compressions, int brotliQuality,
			ManifestEntry... copies) {
		Precompressor.Compressed compressed = new Precompressor(this.root, compressions, this.flusher, cache,
				brotliQuality)
			.run(this.executor, List.of(copies), NO_PROGRESS);
		this.flusher.awaitAll();
		return compressed;
	}

	private static byte[] decompressed(Path variant, Compression compression) throws IOException {
		try (InputStream in = compression.decompressing(Files.newInputStream(variant))) {
			return in.readAllBytes();
		}
	}

	@Test
	void writesAVariantSmallerThanItsCopyBesideIt() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		Precompressor.Compressed precompressor = run(emptyCache(), Set.of(Compression.GZIP), copy);
		Path gz = variant(copy, Compression.GZIP);
		assertThat(decompressed(gz, Compression.GZIP)).isEqualTo(LARGE_CSS.getBytes(StandardCharsets.UTF_8));
		assertThat(Files.size(gz)).isLessThan(copy.size());
		assertThat(precompressor.result()).isEqualTo(new BuildResult.Variants(1, 0, 0, Files.size(gz)));
		assertThat(precompressor.variants(copy.path())).isEqualTo(Map.of(Compression.GZIP, true));
	}

	@Test
	void writesNoVariantThatWouldNotBeSmallerThanItsCopyAndLeavesNoTemporaryFile() throws IOException {
		ManifestEntry copy = copy("css/tiny.css", "a{}");
		Precompressor.Compressed precompressor = run(emptyCache(), Set.of(Compression.GZIP), copy);
		assertThat(TestFiles.allRegularFiles(this.root)).containsExactly(copy.path().toString());
		assertThat(precompressor.result()).isEqualTo(new BuildResult.Variants(0, 0, 1, 0));
		assertThat(precompressor.variants(copy.path())).isEqualTo(Map.of(Compression.GZIP, false));
	}

	@Test
	void leavesAVariantAlreadyInPlaceAsItIsAndCountsItUnchanged() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		run(emptyCache(), Set.of(Compression.GZIP), copy);
		String stamp = FileStamp.of(variant(copy, Compression.GZIP));
		Precompressor.Compressed again = run(cacheDeciding("css/main.css", copy, Map.of(Compression.GZIP, true)),
				Set.of(Compression.GZIP), copy);
		assertThat(FileStamp.of(variant(copy, Compression.GZIP))).isEqualTo(stamp);
		assertThat(again.result()).isEqualTo(new BuildResult.Variants(0, 1, 0, 0));
		assertThat(again.variants(copy.path())).isEqualTo(Map.of(Compression.GZIP, true));
	}

	@Test
	void takesAVariantInPlaceThatNoBuildRecordedAsItIs() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		run(emptyCache(), Set.of(Compression.GZIP), copy);
		String stamp = FileStamp.of(variant(copy, Compression.GZIP));
		Precompressor.Compressed again = run(emptyCache(), Set.of(Compression.GZIP), copy);
		assertThat(FileStamp.of(variant(copy, Compression.GZIP))).isEqualTo(stamp);
		assertThat(again.result()).isEqualTo(new BuildResult.Variants(0, 1, 0, 0));
	}

	@Test
	void doesNotTryAgainACompressionThatDidNotPayOffForTheSameCopy() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		Precompressor.Compressed precompressor = run(cacheDeciding("css/main.css", copy, Map.of(Compression.GZIP, false)),
				Set.of(Compression.GZIP), copy);
		assertThat(variant(copy, Compression.GZIP)).doesNotExist();
		assertThat(precompressor.result()).isEqualTo(new BuildResult.Variants(0, 0, 1, 0));
		assertThat(precompressor.variants(copy.path())).isEqualTo(Map.of(Compression.GZIP, false));
	}

	@Test
	void writesAgainAVariantTheLastBuildWroteButIsGone() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		Precompressor.Compressed precompressor = run(cacheDeciding("css/main.css", copy, Map.of(Compression.GZIP, true)),
				Set.of(Compression.GZIP), copy);
		assertThat(variant(copy, Compression.GZIP)).isRegularFile();
		assertThat(precompressor.result().written()).isEqualTo(1);
	}

	@Test
	void givesACopyWhoseVariantsNameWouldBeTooLongNoneAndDecidesNothing() throws IOException {
		// 216 + 1 + 32 + 4 = 253 bytes: the copy's name fits, "<copy>.gz" (256 bytes) does not
		ManifestEntry copy = copy("css/" + "n".repeat(216) + ".css", LARGE_CSS);
		assertThat(copy.path().fileName()).hasSize(253);
		Precompressor.Compressed precompressor = run(emptyCache(), Set.of(Compression.GZIP), copy);
		assertThat(TestFiles.allRegularFiles(this.root)).containsExactly(copy.path().toString());
		assertThat(precompressor.result()).isEqualTo(BuildResult.Variants.NONE);
		assertThat(precompressor.variants(copy.path())).isEmpty();
	}

	@Test
	void leavesCopiesOfTypesThatAreCompressedAlreadyAlone() throws IOException {
		ManifestEntry image = copy("img/logo.png", new byte[4096]);
		ManifestEntry font = copy("fonts/a.woff2", new byte[4096]);
		Precompressor.Compressed precompressor = run(emptyCache(), Set.of(Compression.GZIP), image, font);
		assertThat(TestFiles.allRegularFiles(this.root)).hasSize(2);
		assertThat(precompressor.result()).isEqualTo(BuildResult.Variants.NONE);
	}

	@Test
	void reportsProgressOnceForEveryVariantOfEveryCompressibleCopy() throws IOException {
		ManifestEntry css = copy("css/main.css", LARGE_CSS);
		ManifestEntry js = copy("js/app.js", "console.log(1);");
		ManifestEntry image = copy("img/logo.png", new byte[4096]);
		List<String> reports = Collections.synchronizedList(new ArrayList<>());
		AssetBuilder.Progress progress = new AssetBuilder.Progress() {

			@Override
			public void hashed(int done, int total) {
				reports.add("hashed");
			}

			@Override
			public void compressed(int done, int total) {
				reports.add(done + "/" + total);
			}

		};
		new Precompressor(this.root, Set.of(Compression.GZIP), this.flusher, emptyCache(),
				BuildOptions.DEFAULT_BROTLI_QUALITY).run(this.executor,
				List.of(css, js, image), progress);
		assertThat(reports).containsExactlyInAnyOrder("1/2", "2/2");
	}

	@Test
	void aHigherBrotliQualityWritesASmallerVariantOfTheSameContent() throws IOException {
		StringBuilder css = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			css.append(".c").append(Integer.toString(i * 7919 % 10007, 36)).append("{margin:").append(i % 17)
				.append("px;color:#").append(Integer.toHexString(i * 2654435 & 0xffffff)).append("}\n");
		}
		ManifestEntry copy = copy("css/main.css", css.toString());
		Path br = variant(copy, Compression.BR);
		run(emptyCache(), Set.of(Compression.BR), 1, copy);
		long fast = Files.size(br);
		Files.delete(br);
		run(emptyCache(), Set.of(Compression.BR), 11, copy);
		long dense = Files.size(br);
		assertThat(dense).isLessThan(fast);
		assertThat(decompressed(br, Compression.BR)).isEqualTo(css.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aVariantInPlaceStaysWhenTheBrotliQualityChanges() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		run(emptyCache(), Set.of(Compression.BR), 5, copy);
		Path br = variant(copy, Compression.BR);
		byte[] written = Files.readAllBytes(br);
		Precompressor.Compressed again = run(cacheDeciding("css/main.css", copy, Map.of(Compression.BR, true)),
				Set.of(Compression.BR), 11, copy);
		assertThat(Files.readAllBytes(br)).isEqualTo(written);
		assertThat(again.result().written()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(1);
	}

	@Test
	void compressesNothingWithoutCompressions() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		Precompressor.Compressed precompressor = run(emptyCache(), Set.of(), copy);
		assertThat(TestFiles.allRegularFiles(this.root)).containsExactly(copy.path().toString());
		assertThat(precompressor.result()).isEqualTo(BuildResult.Variants.NONE);
	}

	@Test
	void somethingThatCannotBeTheVariantInItsPlaceIsAnErrorNamingBoth() throws IOException {
		ManifestEntry copy = copy("css/main.css", LARGE_CSS);
		Files.createDirectory(variant(copy, Compression.GZIP));
		Precompressor precompressor = new Precompressor(this.root, Set.of(Compression.GZIP), this.flusher,
				emptyCache(), BuildOptions.DEFAULT_BROTLI_QUALITY);
		assertThatThrownBy(() -> precompressor.run(this.executor, List.of(copy), NO_PROGRESS))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("gzip variant of " + copy.path())
			.hasMessageContaining(Compression.GZIP.variantOf(copy.path()) + " exists and is not a regular file");
	}

}
