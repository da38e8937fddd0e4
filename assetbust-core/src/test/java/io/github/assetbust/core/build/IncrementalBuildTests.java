package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild where nothing changed writes nothing; a changed file is always noticed. */
class IncrementalBuildTests {

	@TempDir
	Path root;

	@BeforeEach
	void site() throws IOException {
		TestFiles.write(this.root, "img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		TestFiles.write(this.root, "img/icon.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 4, 5, 6 });
		TestFiles.write(this.root, "css/main.css", "@import \"parts/header.css\";\nbody { color: red; }\n");
		TestFiles.write(this.root, "css/parts/header.css", "h1 { background: url(../../img/logo.png); }\n");
		TestFiles.write(this.root, "css/plain.css", "p { background: url(data:image/png;base64,AAAA); }\n");
		TestFiles.write(this.root, "js/app.js", "console.log(1);\n");
	}

	private BuildResult build() {
		return new AssetBuilder(BuildOptions.forRoot(this.root)).build();
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

	private static Map<String, String> paths(Manifest manifest) {
		Map<String, String> paths = new TreeMap<>();
		manifest.assets().forEach((original, entry) -> paths.put(original.toString(), entry.path().toString()));
		return paths;
	}

	@Test
	void aRebuildWithNothingChangedWritesNoFile() throws IOException {
		build();
		Map<String, String> before = identities();
		BuildResult again = build();
		assertThat(again.written()).isZero();
		assertThat(again.bytesWritten()).isZero();
		assertThat(identities()).isEqualTo(before);
		assertThat(before).containsKeys("asset-manifest.json", ".asset-manifest.json.cache.json",
				".asset-manifest.json.generations.json");
	}

	@Test
	void aRebuildWithNothingChangedKeepsTheSameManifestAndReferenceCounts() {
		BuildResult first = build();
		BuildResult again = build();
		assertThat(again.manifest()).isEqualTo(first.manifest());
		assertThat(again.references().counts()).isEqualTo(first.references().counts());
		assertThat(again.references().count(ReferenceOutcome.DATA_URI)).isEqualTo(1);
	}

	@Test
	void aRebuildOfAnUnchangedTreeReadsNoFileNotEvenTheStylesheetsWithReferences() {
		build();
		BuildResult again = build();
		// the two images, plain.css (a data: URI only), app.js, and main.css and header.css, whose
		// references point at files that did not change either: all taken from the cache unread
		assertThat(again.reused()).isEqualTo(6);
		assertThat(again.unchanged()).isEqualTo(6);
		assertThat(again.written()).isZero();
	}

	/**
	 * A stylesheet rewritten in place with bytes of the same length and its modification time put
	 * back keeps its stamp: a rebuild that read it would see the new bytes, so an unchanged result
	 * shows that none was read.
	 */
	@Test
	void aRebuildOfAnUnchangedTreeDoesNotEvenOpenAStylesheetWithReferences() throws IOException {
		Map<String, String> first = paths(build().manifest());
		Path header = this.root.resolve("css/parts/header.css");
		FileTime modified = Files.getLastModifiedTime(header);
		Files.writeString(header, "h1 { background: url(../../img/icon.png); }\n");
		Files.setLastModifiedTime(header, modified);
		assertThat(paths(build().manifest())).isEqualTo(first);
	}

	@Test
	void noticesAChangeThatKeepsTheSizeAndTheModificationTime() throws IOException {
		Map<String, String> first = paths(build().manifest());
		Path icon = this.root.resolve("img/icon.png");
		FileTime modified = Files.getLastModifiedTime(icon);
		// same size, same mtime, other bytes, written to a new file: the inode tells it apart
		Path replacement = this.root.resolve("img/.icon.new");
		Files.write(replacement, new byte[] { (byte) 0x89, 'P', 'N', 'G', 7, 8, 9 });
		Files.setLastModifiedTime(replacement, modified);
		Files.move(replacement, icon, StandardCopyOption.REPLACE_EXISTING);
		Map<String, String> second = paths(build().manifest());
		assertThat(second.get("img/icon.png")).isNotEqualTo(first.get("img/icon.png"))
			.isEqualTo("img/icon-" + TestFiles.md5(Files.readAllBytes(icon)) + ".png");
	}

	@Test
	void changingOneImageRebuildsOnlyItAndTheStylesheetsThatReachIt() throws IOException {
		Map<String, String> first = paths(build().manifest());
		TestFiles.write(this.root, "img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 9, 9, 9, 9 });
		BuildResult second = build();
		Map<String, String> changed = new TreeMap<>();
		paths(second.manifest()).forEach((original, hashed) -> {
			if (!hashed.equals(first.get(original))) {
				changed.put(original, hashed);
			}
		});
		assertThat(changed).containsOnlyKeys("img/logo.png", "css/parts/header.css", "css/main.css");
		assertThat(second.written()).isEqualTo(3);
	}

	@Test
	void aDeletedHashedCopyIsWrittenAgain() throws IOException {
		BuildResult first = build();
		Path copy = first.manifest().assets().get(AssetPath.of("js/app.js")).path().resolveAgainst(this.root);
		Files.delete(copy);
		BuildResult second = build();
		assertThat(copy).isRegularFile().hasContent("console.log(1);\n");
		assertThat(second.written()).isEqualTo(1);
	}

	@Test
	void aCorruptCacheOnlyCostsTime() throws IOException {
		BuildResult first = build();
		Files.writeString(this.root.resolve(".asset-manifest.json.cache.json"), "{ not json");
		BuildResult second = build();
		assertThat(second.manifest()).isEqualTo(first.manifest());
		assertThat(AssetChecker.check(this.root, second.manifestFile()).problems()).isEmpty();
	}

	@Test
	void anotherAlgorithmIgnoresTheCache() {
		build();
		BuildResult sha = new AssetBuilder(BuildOptions.forRoot(this.root).withAlgorithm(DigestAlgorithm.SHA256))
			.build();
		assertThat(sha.manifest().assets().values()).allSatisfy(
				(entry) -> assertThat(entry.path().fileName()).matches(".*-[0-9a-f]{64}(\\.[a-z]+)?"));
		assertThat(AssetChecker.check(this.root, sha.manifestFile()).problems()).isEmpty();
	}

	@Test
	void aNewFileIsPickedUpOnRebuild() throws IOException {
		build();
		TestFiles.write(this.root, "js/extra.js", "let x;\n");
		BuildResult second = build();
		assertThat(second.manifest().assets()).containsKey(AssetPath.of("js/extra.js"));
		assertThat(second.written()).isEqualTo(1);
		assertThat(List.copyOf(second.manifest().assets().keySet())).hasSize(7);
	}

}
