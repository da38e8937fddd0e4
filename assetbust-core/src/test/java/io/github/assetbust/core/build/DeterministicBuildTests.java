package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The same input tree gives the same bytes, whatever the thread count or the order files were made in. */
class DeterministicBuildTests {

	@TempDir
	Path temp;

	/** A tree of stylesheets importing each other and pointing at images in other folders, made in {@code order}. */
	private static Path tree(Path root, long shuffleSeed) throws IOException {
		List<Runnable> writes = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			int n = i;
			writes.add(() -> write(root, "img/set" + (n % 5) + "/pic" + n + ".png", bytes(n, 200 + n * 37)));
			writes.add(() -> write(root, "css/part" + n + ".css", ("@import \"part" + ((n + 1) % 60 == 0 ? 0 : n + 1)
					+ ".css\";\n.p" + n + " { background: url(../img/set" + (n % 5) + "/pic" + n + ".png); }\n")
				.getBytes(StandardCharsets.UTF_8)));
			writes.add(() -> write(root, "js/mod" + n + ".js",
					("export const v" + n + " = " + n + ";\n//# sourceMappingURL=mod" + n + ".js.map\n")
						.getBytes(StandardCharsets.UTF_8)));
			writes.add(() -> write(root, "js/mod" + n + ".js.map",
					("{\"version\":3,\"sources\":[\"mod" + n + ".ts\"]}").getBytes(StandardCharsets.UTF_8)));
		}
		if (shuffleSeed != 0) {
			Collections.shuffle(writes, new Random(shuffleSeed));
		}
		writes.forEach(Runnable::run);
		return root;
	}

	private static byte[] bytes(int seed, int length) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static void write(Path root, String path, byte[] content) {
		try {
			TestFiles.write(root, path, content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> contents(Path root) throws IOException {
		Map<String, String> contents = new TreeMap<>();
		for (String path : TestFiles.regularFiles(root)) {
			contents.put(path, TestFiles.md5(Files.readAllBytes(root.resolve(path))));
		}
		return contents;
	}

	private static BuildResult build(Path root, int threads) {
		return new AssetBuilder(BuildOptions.forRoot(root).withReproducible(true).withThreads(threads)).build();
	}

	@Test
	void oneThreadAndFourThreadsGiveIdenticalTrees() throws IOException {
		Path single = tree(this.temp.resolve("single"), 0);
		Path parallel = tree(this.temp.resolve("parallel"), 0);
		build(single, 1);
		build(parallel, 4);
		assertThat(contents(parallel)).isEqualTo(contents(single));
		assertThat(Files.readAllBytes(parallel.resolve("asset-manifest.json")))
			.isEqualTo(Files.readAllBytes(single.resolve("asset-manifest.json")));
	}

	@Test
	void theOrderFilesWereCreatedInDoesNotMatter() throws IOException {
		Path ordered = tree(this.temp.resolve("ordered"), 0);
		Path shuffled = tree(this.temp.resolve("shuffled"), 42);
		build(ordered, 3);
		build(shuffled, 3);
		assertThat(contents(shuffled)).isEqualTo(contents(ordered));
	}

	@Test
	void theCycleThroughSixtyImportsIsCutTheSameWayEveryTime() throws IOException {
		Path first = tree(this.temp.resolve("first"), 0);
		Path second = tree(this.temp.resolve("second"), 7);
		BuildResult one = build(first, 4);
		BuildResult two = build(second, 2);
		assertThat(one.references().count(ReferenceOutcome.CYCLE)).isEqualTo(1);
		assertThat(two.references().problems()).isEqualTo(one.references().problems());
		assertThat(AssetChecker.check(first, one.manifestFile()).problems()).isEmpty();
	}

	@Test
	void everyNameInAParallelBuildIsTheMd5OfItsBytes() throws IOException {
		Path root = tree(this.temp.resolve("root"), 0);
		BuildResult result = build(root, 8);
		assertThat(result.manifest().size()).isEqualTo(240);
		for (ManifestEntry entry : result.manifest().assets().values()) {
			String name = entry.path().fileName();
			assertThat(name).contains("-" + TestFiles.md5(Files.readAllBytes(entry.path().resolveAgainst(root))));
		}
	}

}
