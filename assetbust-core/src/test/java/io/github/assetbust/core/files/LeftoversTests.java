package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoversTests {

	@TempDir
	Path temp;

	Path root;

	Path manifest;

	Path cache;

	Path generations;

	Path lock;

	@BeforeEach
	void aRootWithTheBuildsOwnFiles() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root"));
		this.manifest = TestFiles.write(this.root, "asset-manifest.json", "{\"version\": 1, \"assets\": {}}");
		this.cache = TestFiles.write(this.root, ".asset-manifest.json.cache.json", "{}");
		this.generations = TestFiles.write(this.root, ".asset-manifest.json.generations.json", "{}");
		this.lock = TestFiles.write(this.root, ".asset-manifest.json.lock", "");
	}

	private Path[] ownFiles() {
		return new Path[] { this.manifest, this.cache, this.generations, this.lock };
	}

	/** A temporary file as an atomic write of {@code target} creates it, left with some content. */
	private static Path leftoverOf(Path target) throws IOException {
		Path temp = AtomicFiles.newTempFile(target);
		Files.writeString(temp, "half writ");
		return temp;
	}

	private AssetPath inRoot(Path file) {
		return AssetPath.relative(this.root, file);
	}

	@Test
	void removesTheLeftoversTheScanFoundUnderTheRoot() throws IOException {
		Path copy = leftoverOf(this.root.resolve("css/main-5d41402abc4b2a76b9719d911017c592.css"));
		Path variant = leftoverOf(this.root.resolve("css/main-5d41402abc4b2a76b9719d911017c592.css.gz"));
		Leftovers.remove(this.root, List.of(inRoot(copy), inRoot(variant)));
		assertThat(copy).doesNotExist();
		assertThat(variant).doesNotExist();
	}

	@Test
	void leavesATemporaryFileUnderTheRootThatItWasNotToldOf() throws IOException {
		Path told = leftoverOf(this.root.resolve("css/a.css"));
		Path notTold = leftoverOf(this.root.resolve("css/b.css"));
		Leftovers.remove(this.root, List.of(inRoot(told)));
		assertThat(told).doesNotExist();
		assertThat(notTold).hasContent("half writ");
	}

	@Test
	void removesTheLeftoversOfWritesOfItsOwnFilesBesideThem() throws IOException {
		Path manifestLeftover = leftoverOf(this.manifest);
		Path cacheLeftover = leftoverOf(this.cache);
		Path generationsLeftover = leftoverOf(this.generations);
		Leftovers.remove(this.root, List.of(), ownFiles());
		assertThat(manifestLeftover).doesNotExist();
		assertThat(cacheLeftover).doesNotExist();
		assertThat(generationsLeftover).doesNotExist();
	}

	@Test
	void neverRemovesTheBuildsOwnFiles() throws IOException {
		leftoverOf(this.manifest);
		leftoverOf(this.cache);
		Leftovers.remove(this.root, List.of(), ownFiles());
		assertThat(this.manifest).hasContent("{\"version\": 1, \"assets\": {}}");
		assertThat(this.cache).hasContent("{}");
		assertThat(this.generations).hasContent("{}");
		assertThat(this.lock).exists();
	}

	@Test
	void leavesFilesBesideItsOwnThatAreNotTheTemporaryFilesOfThem() throws IOException {
		Path backup = TestFiles.write(this.root, ".asset-manifest.json.bak", "mine");
		Path otherTool = TestFiles.write(this.root, ".other.json.1234.assetbust.tmp", "mine");
		Path user = TestFiles.write(this.root, "asset-manifest.json.1234.assetbust.tmp", "mine");
		Leftovers.remove(this.root, List.of(), ownFiles());
		assertThat(backup).hasContent("mine");
		assertThat(otherTool).hasContent("mine");
		assertThat(user).hasContent("mine");
	}

	@Test
	void neverFollowsALinkNamedLikeALeftoverNorRemovesIt() throws IOException {
		Path victim = TestFiles.write(this.temp, "outside/victim.css", "precious");
		Path inRootLink = Files.createSymbolicLink(this.root.resolve(".a.css.1234.assetbust.tmp"), victim);
		Path besideManifestLink = Files.createSymbolicLink(this.root.resolve(".asset-manifest.json.99.assetbust.tmp"),
				victim);
		Leftovers.remove(this.root, List.of(inRoot(inRootLink)), ownFiles());
		assertThat(inRootLink).isSymbolicLink();
		assertThat(besideManifestLink).isSymbolicLink();
		assertThat(victim).hasContent("precious");
	}

	@Test
	void leavesAFolderNamedLikeALeftover() throws IOException {
		Path folder = Files.createDirectories(this.root.resolve("css/.a.css.1234.assetbust.tmp"));
		Leftovers.remove(this.root, List.of(inRoot(folder)), ownFiles());
		assertThat(folder).isDirectory();
	}

	@Test
	void anOwnFileWhoseFolderWasNeverCreatedHasNoLeftovers() throws IOException {
		Path leftover = leftoverOf(this.manifest);
		Leftovers.remove(this.root, List.of(), this.temp.resolve("state/never/.asset-manifest.json.cache.json"),
				this.manifest);
		assertThat(leftover).doesNotExist();
	}

}
