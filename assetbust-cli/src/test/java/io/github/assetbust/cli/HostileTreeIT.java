package io.github.assetbust.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trees built to break a build, each through a real CLI process: deep reference chains, files far
 * larger than the heap, a heap too small for the manifest. Each either builds or ends with one
 * clear line, and the last good manifest survives.
 */
class HostileTreeIT {

	private static final int FIFTY_TWO_MB = 52 * 1024 * 1024;

	@TempDir
	Path root;

	@Test
	void anImportChainTenThousandFilesDeepBuildsAndChecks() throws IOException {
		int depth = 10_000;
		Files.createDirectories(this.root.resolve("css"));
		for (int i = 0; i < depth; i++) {
			Files.writeString(this.root.resolve(String.format("css/c%05d.css", i)),
					String.format("@import \"c%05d.css\";\n.c%d { color: red; }\n", i + 1, i));
		}
		Files.writeString(this.root.resolve(String.format("css/c%05d.css", depth)), "body { margin: 0; }\n");
		Cli.run(this.root, "build", "--root", ".").exits(0);
		Manifest manifest = Invariants.manifestHolds(this.root, "after the build");
		assertThat(manifest.size()).isEqualTo(depth + 1);
		String first = Files.readString(this.root.resolve(manifest.assets().get(AssetPath.of("css/c00000.css")).path().toString()));
		assertThat(first).startsWith("@import \"c00001-").doesNotContain("c00001.css");
		Cli.run(this.root, "check", "--root", ".").exits(0);
	}

	@Test
	void aFiftyTwoMegabyteScriptWithoutReferencesBuildsInSixtyFourMegabytesOfHeap() throws IOException {
		Path script = writeScript("js/bundle.js", "");
		Cli.Run run = Cli.start(this.root, Cli.command(List.of("-Xmx64m"), "build", "--root", "."))
			.finish(Duration.ofMinutes(2))
			.exits(0);
		assertThat(run.err()).isEmpty();
		Manifest manifest = Invariants.manifestHolds(this.root, "after the build");
		Path copy = this.root.resolve(manifest.assets().get(AssetPath.of("js/bundle.js")).path().toString());
		assertThat(Files.mismatch(script, copy)).isEqualTo(-1);
	}

	@Test
	void aFiftyTwoMegabyteScriptWithASourceMapIsRewrittenInSixtyFourMegabytesOfHeap() throws IOException {
		Files.createDirectories(this.root.resolve("js"));
		Files.writeString(this.root.resolve("js/bundle.js.map"), "{\"version\":3,\"mappings\":\"\"}");
		Path script = writeScript("js/bundle.js", "\n//# sourceMappingURL=bundle.js.map\n");
		Cli.start(this.root, Cli.command(List.of("-Xmx64m"), "build", "--root", "."))
			.finish(Duration.ofMinutes(2))
			.exits(0);
		Manifest manifest = Invariants.manifestHolds(this.root, "after the build");
		String map = manifest.assets().get(AssetPath.of("js/bundle.js.map")).path().fileName();
		Path copy = this.root.resolve(manifest.assets().get(AssetPath.of("js/bundle.js")).path().toString());
		long originalSize = Files.size(script);
		assertThat(Files.size(copy)).isEqualTo(originalSize + map.length() - "bundle.js.map".length());
		assertThat(Files.mismatch(script, copy)).isEqualTo(FIFTY_TWO_MB + "\n//# sourceMappingURL=bundle.js".length());
		assertThat(tail(copy, 100)).endsWith("//# sourceMappingURL=" + map + "\n");
		Cli.run(this.root, "check", "--root", ".").exits(0);
	}

	@Test
	void runningOutOfHeapEndsWithOneLineAndThePreviousManifestStays() throws IOException {
		Path manifestFile = builtWithAManifestLargerThanASmallHeap();
		byte[] before = Files.readAllBytes(manifestFile);
		Cli.Run run = Cli.start(this.root, Cli.command(List.of("-Xmx24m"), "build", "--root", "."))
			.finish(Duration.ofMinutes(2))
			.exits(1);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.err()).startsWith(Errors.PREFIX + "Ran out of memory building").contains("-Xmx");
		assertThat(Files.readAllBytes(manifestFile)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "check", "clean" })
	void checkAndCleanRunningOutOfHeapEndWithOneLineAndTheManifestStays(String command) throws IOException {
		Path manifestFile = builtWithAManifestLargerThanASmallHeap();
		byte[] before = Files.readAllBytes(manifestFile);
		Cli.Run run = Cli.start(this.root, Cli.command(List.of("-Xmx24m"), command, "--root", "."))
			.finish(Duration.ofMinutes(2))
			.exits(1);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.err()).startsWith(Errors.PREFIX + "Ran out of memory running " + command + " (")
			.contains("MB of heap); the manifest is as it was. Give the JVM more with -Xmx");
		assertThat(Files.readAllBytes(manifestFile)).isEqualTo(before);
	}

	/** A built site whose manifest is then replaced by one far larger than 24 MB of heap holds. */
	private Path builtWithAManifestLargerThanASmallHeap() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/site.css"), "body { color: teal; }\n");
		Cli.run(this.root, "build", "--root", ".").exits(0);
		Path manifestFile = this.root.resolve(Invariants.MANIFEST);
		try (Writer out = Files.newBufferedWriter(manifestFile, StandardCharsets.UTF_8)) {
			out.write("{\"version\":1,\"assets\":{");
			for (int i = 0; i < 400_000; i++) {
				out.write(String.format("%s\"img/a%06d.png\":{\"path\":\"img/a%06d-0123456789abcdef0123456789abcdef.png\"}",
						(i > 0) ? "," : "", i, i));
			}
			out.write("}}\n");
		}
		return manifestFile;
	}

	@Test
	void oddNamesAreSkippedWithOneEscapedWarningEachAndTheRestIsBuilt() throws Exception {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/site.css"), ".a { background: url(../img/logo.png); }\n");
		Files.createDirectories(this.root.resolve("img"));
		Files.write(this.root.resolve("img/logo.png"), new byte[] { 1, 2, 3 });
		Files.writeString(this.root.resolve("css/forged\nassetbust: 0 assets hashed.css"), "x");
		Files.writeString(this.root.resolve("img/bell\u0007.png"), "x");
		// a name that is not UTF-8: Java cannot spell it, the shell can
		Process shell = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'css/not-utf8-\\377.css')\"")
			.directory(this.root.toFile())
			.start();
		assertThat(shell.waitFor()).isZero();
		assertThat(Files.list(this.root.resolve("css"))).hasSize(3);

		Cli.Run build = Cli.run(this.root, "build", "--root", ".").exits(0);
		Manifest manifest = Invariants.manifestHolds(this.root, "after the build");
		assertThat(manifest.assets().keySet()).extracting(AssetPath::toString)
			.containsExactlyInAnyOrder("css/site.css", "img/logo.png");
		assertThat(build.errLines()).noneMatch((line) -> line.startsWith("assetbust: 0 assets"))
			.anySatisfy((line) -> assertThat(line).contains("Skipped", "css/forged\\nassetbust: 0 assets hashed.css"))
			.anySatisfy((line) -> assertThat(line).contains("Skipped", "img/bell\\u0007.png"))
			.anySatisfy((line) -> assertThat(line).contains("Skipped", "css/not-utf8-\uFFFD.css",
					"not valid in the file system's encoding"));
		assertThat(build.errLines()).filteredOn((line) -> line.contains("Skipped")).hasSize(3);
		Cli.run(this.root, "check", "--root", ".").exits(0);
	}

	/** A script of 52 MB of code with no reference in it, then {@code ending}. */
	private Path writeScript(String path, String ending) throws IOException {
		Path script = this.root.resolve(path);
		Files.createDirectories(script.getParent());
		Random random = new Random(52);
		byte[] line = new byte[64];
		try (OutputStream out = Files.newOutputStream(script)) {
			for (int written = 0; written < FIFTY_TWO_MB; written += line.length) {
				for (int i = 0; i < line.length - 1; i++) {
					line[i] = (byte) ('a' + random.nextInt(26));
				}
				line[line.length - 1] = (written % 4096 == 0) ? (byte) '\n' : (byte) ';';
				out.write(line);
			}
			out.write(ending.getBytes(StandardCharsets.UTF_8));
		}
		return script;
	}

	private static String tail(Path file, int length) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		return new String(bytes, bytes.length - length, length, StandardCharsets.ISO_8859_1);
	}

}
