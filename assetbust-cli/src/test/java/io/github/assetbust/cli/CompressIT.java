package io.github.assetbust.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code build --compress gzip,br} and {@code check} of its variants, as a user runs the jar. */
class CompressIT {

	private static final String CSS = "body { background: url(../img/logo.png); color: #333; margin: 0 auto; }\n"
		.repeat(50);

	@TempDir
	Path work;

	Path site;

	@BeforeEach
	void smallSite() {
		this.site = this.work.resolve("site");
		Trees.write(this.site, Map.of("css/main.css", CSS.getBytes(StandardCharsets.UTF_8), "img/logo.png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 }, "js/app.js",
				"console.log('app');\n".repeat(100).getBytes(StandardCharsets.UTF_8)));
	}

	private Path hashed(String original) throws IOException {
		Manifest manifest = ManifestStore.read(this.site.resolve("asset-manifest.json"));
		return this.site.resolve(manifest.assets().get(AssetPath.of(original)).path().toString());
	}

	private static byte[] decode(Path variant) throws IOException {
		Brotli4jLoader.ensureAvailability();
		byte[] bytes = Files.readAllBytes(variant);
		try (InputStream in = variant.toString().endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(bytes))
				: new BrotliInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

	@Test
	void buildWritesBothVariantsOfTextFilesAndSaysSo() throws IOException {
		Cli.Run run = Cli.run(this.work, "build", "--root", "site", "--compress", "gzip,br").exits(0);

		assertThat(run.outLines()).singleElement()
			.asString()
			.startsWith("3 assets hashed (3 copies written, 0 unchanged)")
			.contains("; 4 compressed variants written (")
			.endsWith("), 0 unchanged, 0 not smaller than their copy");
		for (String original : List.of("css/main.css", "js/app.js")) {
			Path copy = hashed(original);
			for (String suffix : List.of(".gz", ".br")) {
				Path variant = copy.resolveSibling(copy.getFileName() + suffix);
				assertThat(decode(variant)).as(variant.toString()).isEqualTo(Files.readAllBytes(copy));
			}
		}
		Path png = hashed("img/logo.png");
		assertThat(png.resolveSibling(png.getFileName() + ".gz")).doesNotExist();
		assertThat(png.resolveSibling(png.getFileName() + ".br")).doesNotExist();

		Cli.Run again = Cli.run(this.work, "build", "--root", "site", "--compress", "gzip", "--compress", "br").exits(0);
		assertThat(again.out()).contains("; 0 compressed variants written (0 bytes), 4 unchanged, ");
	}

	@Test
	void checkDecompressesEveryVariantAndNamesOneThatDoesNotMatch() throws IOException {
		Cli.run(this.work, "build", "--root", "site", "--compress", "gzip,br").exits(0);

		Cli.Run ok = Cli.run(this.work, "check", "--root", "site").exits(0);
		assertThat(ok.out()).startsWith("ok: 3 manifest entries, 50 references and 4 compressed variants checked against ");

		Path css = hashed("css/main.css");
		Path gzip = css.resolveSibling(css.getFileName() + ".gz");
		Files.write(gzip, Files.readAllBytes(hashed("js/app.js").resolveSibling(hashed("js/app.js").getFileName() + ".gz")));
		Cli.Run bad = Cli.run(this.work, "check", "--root", "site").exits(1);
		assertThat(bad.outLines()).singleElement()
			.asString()
			.startsWith("css/" + gzip.getFileName() + ": decompresses to other bytes than css/" + css.getFileName());
		assertThat(bad.err()).contains("1 problem found");
	}

	@Test
	void anUnknownCompressionIsBadUsage() {
		Cli.Run run = Cli.run(this.work, "build", "--root", "site", "--compress", "gzip,zip").exits(2);

		assertThat(run.errLines().get(0))
			.isEqualTo("assetbust: Invalid value for option '--compress' (gzip,br): Unknown compression 'zip': use gzip or br");
		assertThat(run.err()).contains("Usage: assetbust build ");
		assertThat(this.site.resolve("asset-manifest.json")).as("nothing built").doesNotExist();
	}

	@Test
	void aBrotliNativeLibraryThatCannotBeLoadedFailsTheBuildSayingWhatToAdd() {
		List<String> brokenNative = List.of("-Dbrotli4j.library.path=" + this.work.resolve("no/libbrotli.so"));

		Cli.Run run = Cli.start(this.work, Cli.command(brokenNative, "build", "--root", "site", "--compress", "gzip,br"))
			.finish(java.time.Duration.ofSeconds(60))
			.exits(1);

		assertThat(run.errLines()).singleElement()
			.asString()
			.startsWith("assetbust: Cannot load Brotli's native library for ")
			.contains(this.work.resolve("no/libbrotli.so").toString())
			.contains(": add com.aayushatharva.brotli4j:native-")
			.endsWith("or leave br out of the compressions");
		assertThat(this.site.resolve("asset-manifest.json")).as("nothing built").doesNotExist();

		Cli.start(this.work, Cli.command(brokenNative, "build", "--root", "site", "--compress", "gzip"))
			.finish(java.time.Duration.ofSeconds(60))
			.exits(0);
		assertThat(this.site.resolve("asset-manifest.json")).as("gzip needs no native library").isRegularFile();
	}

	@Test
	void helpListsTheOption() {
		Cli.Run run = Cli.run(this.work, "build", "--help").exits(0);

		assertThat(run.out().replaceAll("\\s+", " ")).contains("--compress=gzip,br", "Default: none.");
	}

}
