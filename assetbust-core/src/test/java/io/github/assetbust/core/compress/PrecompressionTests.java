package io.github.assetbust.core.compress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Precompressed variants: {@code <hashed>.gz} and {@code <hashed>.br} beside the hashed copies of
 * compressible files, decoded here with the JDK's gzip and brotli4j's own decoder.
 */
public class PrecompressionTests {

	private static final Set<Compression> BOTH = EnumSet.of(Compression.GZIP, Compression.BROTLI);

	/** Enough repetition that every encoder shrinks it. */
	public static final String CSS = ".button { color: rebeccapurple; padding: 1em 2em; border-radius: 4px; }\n".repeat(40);

	@TempDir
	Path root;

	private BuildResult build(Set<Compression> compress) {
		return new AssetBuilder(BuildOptions.forRoot(this.root).withCompress(compress)).build();
	}

	private Path copy(BuildResult result, String original) {
		return this.root.resolve(result.manifest().assets().get(AssetPath.of(original)).path().toString());
	}

	private static Path variant(Path copy, Compression compression) {
		return copy.resolveSibling(copy.getFileName() + compression.suffix());
	}

	static byte[] gunzip(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return in.readAllBytes();
		}
	}

	static byte[] unbrotli(Path file) throws IOException {
		Brotli4jLoader.ensureAvailability();
		try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
			return in.readAllBytes();
		}
	}

	private static byte[] repetitive(String header, int length) {
		byte[] bytes = new byte[length];
		byte[] start = header.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(start, 0, bytes, 0, start.length);
		return bytes;
	}

	@Test
	void writesBothVariantsOfACompressibleCopyBesideIt() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		BuildResult result = build(BOTH);
		Path css = copy(result, "css/main.css");

		assertThat(TestFiles.regularFiles(this.root)).containsExactlyInAnyOrder("asset-manifest.json", "css/main.css",
				"css/" + css.getFileName(), "css/" + css.getFileName() + ".gz", "css/" + css.getFileName() + ".br");
		assertThat(Files.size(variant(css, Compression.GZIP))).isLessThan(Files.size(css));
		assertThat(Files.size(variant(css, Compression.BROTLI))).isLessThan(Files.size(variant(css, Compression.GZIP)));
		assertThat(result.variants()).isEqualTo(new BuildResult.Variants(2, 0, 0,
				Files.size(variant(css, Compression.GZIP)) + Files.size(variant(css, Compression.BROTLI))));
		assertThat(result.summary()).contains("2 compressed variants written");
	}

	@Test
	void variantsDecompressToExactlyTheBytesOfTheCopy() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		TestFiles.write(this.root, "js/app.js", "export const answer = () => 42;\n".repeat(500));
		TestFiles.write(this.root, "fonts/icons.ttf", repetitive("\0\1\0\0", 20_000));
		byte[] random = new byte[300_000];
		new Random(7).nextBytes(random);
		TestFiles.write(this.root, "data/big.json", ("{\"noise\": \"" + java.util.HexFormat.of().formatHex(random) + "\"}"));
		BuildResult result = build(BOTH);

		for (String original : List.of("css/main.css", "js/app.js", "fonts/icons.ttf", "data/big.json")) {
			Path copy = copy(result, original);
			byte[] bytes = Files.readAllBytes(copy);
			assertThat(gunzip(variant(copy, Compression.GZIP))).as(original + ".gz").isEqualTo(bytes);
			assertThat(unbrotli(variant(copy, Compression.BROTLI))).as(original + ".br").isEqualTo(bytes);
		}
		assertThat(AssetChecker.check(this.root, this.root.resolve("asset-manifest.json")))
			.satisfies((check) -> assertThat(check.problems()).isEmpty())
			.extracting(AssetChecker.CheckResult::variants)
			.isEqualTo(8);
	}

	@Test
	void writesNoVariantOfImagesOrWebFontsWhichAreCompressedAlready() throws IOException {
		// zeros would shrink to nothing: only the type keeps them uncompressed
		TestFiles.write(this.root, "img/logo.png", repetitive("\u0089PNG", 10_000));
		TestFiles.write(this.root, "img/photo.jpg", repetitive("\u00ff\u00d8", 10_000));
		TestFiles.write(this.root, "fonts/icons.woff2", repetitive("wOF2", 10_000));
		TestFiles.write(this.root, "fonts/icons.woff", repetitive("wOFF", 10_000));
		BuildResult result = build(BOTH);

		assertThat(TestFiles.regularFiles(this.root)).noneMatch((path) -> path.endsWith(".gz") || path.endsWith(".br"));
		assertThat(result.variants()).isEqualTo(BuildResult.Variants.NONE);
	}

	@Test
	void writesNoVariantThatIsNotSmallerThanItsCopy() throws IOException {
		TestFiles.write(this.root, "css/tiny.css", "a{}");
		byte[] noise = new byte[4096];
		new Random(1).nextBytes(noise);
		TestFiles.write(this.root, "data/noise.txt", noise);
		BuildResult result = build(BOTH);

		assertThat(TestFiles.regularFiles(this.root)).noneMatch((path) -> path.endsWith(".gz") || path.endsWith(".br"));
		assertThat(result.variants()).isEqualTo(new BuildResult.Variants(0, 0, 4, 0));
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
	}

	@Test
	void writesOnlyTheConfiguredEncodings() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path css = copy(build(EnumSet.of(Compression.GZIP)), "css/main.css");

		assertThat(variant(css, Compression.GZIP)).isRegularFile();
		assertThat(variant(css, Compression.BROTLI)).doesNotExist();
		assertThat(copy(build(Set.of()), "css/main.css")).isEqualTo(css);
		assertThat(variant(css, Compression.GZIP)).as("turning compression off deletes nothing").isRegularFile();
	}

	@Test
	void gzipVariantsCarryNoTimeOrNameAndAreTheSameEveryBuild() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path css = copy(build(BOTH), "css/main.css");
		byte[] gzip = Files.readAllBytes(variant(css, Compression.GZIP));
		byte[] brotli = Files.readAllBytes(variant(css, Compression.BROTLI));

		assertThat(gzip[3]).as("FLG: no name, comment or extra field").isZero();
		assertThat(new byte[] { gzip[4], gzip[5], gzip[6], gzip[7] }).as("MTIME").containsOnly(0);
		Files.delete(variant(css, Compression.GZIP));
		Files.delete(variant(css, Compression.BROTLI));
		build(BOTH);
		assertThat(Files.readAllBytes(variant(css, Compression.GZIP))).isEqualTo(gzip);
		assertThat(Files.readAllBytes(variant(css, Compression.BROTLI))).isEqualTo(brotli);
	}

	@Test
	void compressesOnEveryThreadToTheSameBytesAsOnOne(@TempDir Path other) throws IOException {
		Map<String, String> files = new TreeMap<>();
		for (int i = 0; i < 40; i++) {
			files.put("css/part" + i + ".css", (".part" + i + " { margin: " + i + "px; }\n").repeat(20 + i * 7));
			files.put("js/module" + i + ".js", ("export const value" + i + " = " + i + ";\n").repeat(30 + i * 5));
		}
		for (Path tree : List.of(this.root, other)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				TestFiles.write(tree, file.getKey(), file.getValue());
			}
		}
		BuildResult parallel = new AssetBuilder(BuildOptions.forRoot(this.root).withCompress(BOTH).withThreads(8))
			.build();
		BuildResult serial = new AssetBuilder(BuildOptions.forRoot(other).withCompress(BOTH).withThreads(1)).build();

		assertThat(parallel.variants().written()).isEqualTo(160);
		assertThat(TestFiles.regularFiles(this.root)).isEqualTo(TestFiles.regularFiles(other));
		for (String path : TestFiles.regularFiles(this.root)) {
			if (!path.equals("asset-manifest.json")) {
				assertThat(this.root.resolve(path)).as(path).hasSameBinaryContentAs(other.resolve(path));
			}
		}
		assertThat(serial.variants()).isEqualTo(parallel.variants());
	}

	@Test
	void aRebuildCompressesNothingAgainAndWritesNoFile() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		TestFiles.write(this.root, "css/tiny.css", "a{}");
		TestFiles.write(this.root, "js/app.js", "console.log('x');\n".repeat(100));
		build(BOTH);
		Map<String, String> before = identities();

		BuildResult again = build(BOTH);

		assertThat(again.variants()).isEqualTo(new BuildResult.Variants(0, 4, 2, 0));
		assertThat(identities()).as("no file written, the build cache included").isEqualTo(before);
		assertThat(Files.readString(this.root.resolve(".asset-manifest.json.cache.json")))
			.as("the variants that did not pay off are remembered, so they are not tried again")
			.contains("\"variants\":{\"gzip\":false,\"br\":false}");
	}

	@Test
	void aDeletedVariantIsWrittenAgainAndOnlyIt() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path css = copy(build(BOTH), "css/main.css");
		byte[] gzip = Files.readAllBytes(variant(css, Compression.GZIP));
		Files.delete(variant(css, Compression.GZIP));

		BuildResult again = build(BOTH);

		assertThat(again.variants().written()).isEqualTo(1);
		assertThat(again.variants().unchanged()).isEqualTo(1);
		assertThat(variant(css, Compression.GZIP)).hasBinaryContent(gzip);
	}

	@Test
	void aChangedFileGetsNewVariantsWithItsNewCopy() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path first = copy(build(BOTH), "css/main.css");
		TestFiles.write(this.root, "css/main.css", CSS + "b { color: blue; }\n");

		Path second = copy(build(BOTH), "css/main.css");

		assertThat(second).isNotEqualTo(first);
		assertThat(gunzip(variant(second, Compression.GZIP))).isEqualTo(Files.readAllBytes(second));
		assertThat(unbrotli(variant(second, Compression.BROTLI))).isEqualTo(Files.readAllBytes(second));
		assertThat(variant(first, Compression.GZIP)).as("kept with its copy, a previous generation").isRegularFile();
	}

	@Test
	void aVariantIsNeverHashedAsAnAsset() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		build(BOTH);
		build(BOTH);
		Files.delete(this.root.resolve("asset-manifest.json"));
		Files.delete(this.root.resolve(".asset-manifest.json.generations.json"));
		Files.delete(this.root.resolve(".asset-manifest.json.cache.json"));

		BuildResult afterLosingEveryRecord = build(BOTH);

		assertThat(afterLosingEveryRecord.manifest().assets().keySet()).map(AssetPath::toString)
			.containsExactly("css/main.css");
		assertThat(TestFiles.regularFiles(this.root)).hasSize(5);
	}

	@Test
	void aUsersOwnArchiveThatIsNoVariantIsStillAnAsset() throws IOException {
		TestFiles.write(this.root, "downloads/backup-20261125.tar.gz", new byte[] { 0x1f, (byte) 0x8b, 8, 0 });
		BuildResult result = build(BOTH);

		assertThat(result.manifest().assets()).containsKey(AssetPath.of("downloads/backup-20261125.tar.gz"));
	}

	@Test
	void aHalfWrittenVariantLeftByAKilledBuildIsClearedAndNeverServedUnderTheVariantsName() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path css = copy(build(BOTH), "css/main.css");
		Files.delete(variant(css, Compression.BROTLI));
		// what a build killed while compressing leaves: a temporary file, never a file under the variant's name
		Path leftover = TestFiles.write(this.root, "css/." + css.getFileName() + ".br.1a2b3c" + AtomicFiles.TEMP_SUFFIX,
				new byte[] { 0x0b, 0x02 });

		build(BOTH);

		assertThat(leftover).doesNotExist();
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
		assertThat(unbrotli(variant(css, Compression.BROTLI))).isEqualTo(Files.readAllBytes(css));
	}

	@Test
	void somethingInTheWayOfAVariantFailsTheBuildNamingItAndLeavesNoTemporaryFile() throws IOException {
		TestFiles.write(this.root, "css/main.css", CSS);
		Path css = copy(build(Set.of()), "css/main.css");
		Files.createDirectory(variant(css, Compression.GZIP));
		byte[] manifest = Files.readAllBytes(this.root.resolve("asset-manifest.json"));

		assertThatThrownBy(() -> build(BOTH)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/" + css.getFileName() + ".gz exists and is not a regular file; move it away");
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
		assertThat(this.root.resolve("asset-manifest.json")).hasBinaryContent(manifest);
	}

	/** Every file under the root, state files included, with what identifies one write of it. */
	private Map<String, String> identities() throws IOException {
		Map<String, String> identities = new TreeMap<>();
		for (String path : TestFiles.allRegularFiles(this.root)) {
			BasicFileAttributes attributes = Files.readAttributes(this.root.resolve(path), BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			identities.put(path, attributes.fileKey() + "@" + attributes.lastModifiedTime().toInstant());
		}
		return identities;
	}

}
