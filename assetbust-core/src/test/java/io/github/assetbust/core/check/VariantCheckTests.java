package io.github.assetbust.core.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.compress.PrecompressionTests;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} decompresses every variant beside a hashed copy and compares it with the copy. */
class VariantCheckTests {

	@TempDir
	Path root;

	Path css;

	String name;

	@BeforeEach
	void build() {
		try {
			TestFiles.write(this.root, "css/main.css", PrecompressionTests.CSS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root)
			.withCompress(EnumSet.of(Compression.GZIP, Compression.BROTLI))).build();
		AssetPath hashed = result.manifest().assets().get(AssetPath.of("css/main.css")).path();
		this.css = this.root.resolve(hashed.toString());
		this.name = hashed.toString();
	}

	private AssetChecker.CheckResult check() {
		return AssetChecker.check(this.root, this.root.resolve("asset-manifest.json"));
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(content);
		}
		return bytes.toByteArray();
	}

	@Test
	void passesWhenEveryVariantDecompressesToItsCopy() {
		AssetChecker.CheckResult result = check();

		assertThat(result.problems()).isEmpty();
		assertThat(result.variants()).isEqualTo(2);
	}

	@Test
	void reportsAGzipVariantOfOtherContent() throws IOException {
		byte[] other = Files.readAllBytes(this.css);
		other[100] = 'X';
		Files.write(this.root.resolve(this.name + ".gz"), gzip(other));

		assertThat(check().problems()).containsExactly(this.name + ".gz: decompresses to other bytes than " + this.name
				+ " (they differ from byte 100 on); delete it and build again");
	}

	@Test
	void reportsATruncatedGzipVariant() throws IOException {
		byte[] variant = Files.readAllBytes(this.root.resolve(this.name + ".gz"));
		Files.write(this.root.resolve(this.name + ".gz"), java.util.Arrays.copyOf(variant, variant.length / 2));

		assertThat(check().problems()).singleElement()
			.asString()
			.startsWith(this.name + ".gz: is not a valid gzip variant of " + this.name + " (")
			.endsWith("); delete it and build again");
	}

	@Test
	void reportsAGzipVariantThatStopsShortOfTheCopy() throws IOException {
		byte[] content = Files.readAllBytes(this.css);
		Files.write(this.root.resolve(this.name + ".gz"), gzip(java.util.Arrays.copyOf(content, content.length - 1)));

		assertThat(check().problems()).containsExactly(this.name + ".gz: decompresses to other bytes than " + this.name
				+ " (they differ from byte " + (content.length - 1) + " on); delete it and build again");
	}

	@Test
	void reportsABrotliVariantOfOtherContent() throws IOException {
		Brotli4jLoader.ensureAvailability();
		Files.write(this.root.resolve(this.name + ".br"), Encoder.compress("body{}".getBytes()));

		assertThat(check().problems()).containsExactly(this.name + ".br: decompresses to other bytes than " + this.name
				+ " (they differ from byte 0 on); delete it and build again");
	}

	@Test
	void reportsABrotliVariantThatIsNotBrotli() throws IOException {
		Files.write(this.root.resolve(this.name + ".br"), Files.readAllBytes(this.css));

		assertThat(check().problems()).singleElement()
			.asString()
			.startsWith(this.name + ".br: is not a valid br variant of " + this.name);
	}

	@Test
	void reportsAVariantThatIsAFolder() throws IOException {
		Files.delete(this.root.resolve(this.name + ".br"));
		Files.createDirectory(this.root.resolve(this.name + ".br"));

		assertThat(check().problems()).containsExactly(this.name + ".br: the br variant of " + this.name
				+ " is never served: it is not a regular file but a folder, a device or a symbolic link (never followed)");
	}

}
