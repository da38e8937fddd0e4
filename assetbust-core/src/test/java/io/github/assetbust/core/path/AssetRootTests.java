package io.github.assetbust.core.path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one rule for what is inside an asset root, on a real file system with real links. */
class AssetRootTests {

	@TempDir
	Path work;

	private Path site;

	private AssetRoot root;

	@BeforeEach
	void aSiteBesideSomethingOutside() throws IOException {
		this.site = Files.createDirectories(this.work.resolve("site"));
		Path outside = Files.createDirectories(this.work.resolve("outside"));
		Files.writeString(outside.resolve("secret.css"), "secret");
		TestFiles.write(this.site, "css/main.css", "body{}");
		TestFiles.write(this.site, "css/.hidden.css", "hidden");
		TestFiles.write(this.site, ".assetbust/state.json", "{}");
		TestFiles.write(this.site, "real/in.css", "in");
		Files.createSymbolicLink(this.site.resolve("css/link-in.css"), Path.of("main.css"));
		Files.createSymbolicLink(this.site.resolve("css/link-out.css"), outside.resolve("secret.css"));
		Files.createSymbolicLink(this.site.resolve("folder-in"), Path.of("real"));
		Files.createSymbolicLink(this.site.resolve("folder-out"), outside);
		Files.createSymbolicLink(this.site.resolve("css/dangling.css"), Path.of("nowhere.css"));
		this.root = AssetRoot.existing(this.site);
	}

	private AssetRoot.Refusal refusal(String path) {
		return this.root.refusal(AssetPath.of(path));
	}

	@Test
	void aRegularFileIsInside() {
		assertThat(refusal("css/main.css")).isNull();
		assertThat(this.root.file(AssetPath.of("css/main.css"))).isEqualTo(this.root.path().resolve("css/main.css"));
	}

	@Test
	void aFileBehindAFolderLinkThatStaysInsideIsInside() {
		assertThat(refusal("folder-in/in.css")).isNull();
	}

	@Test
	void nothingThereIsMissing() {
		assertThat(refusal("css/none.css")).isEqualTo(AssetRoot.Refusal.MISSING);
		assertThat(this.root.file(AssetPath.of("css/none.css"))).isNull();
	}

	@Test
	void dotfilesAndWhatIsInHiddenFoldersAreHidden() {
		assertThat(refusal("css/.hidden.css")).isEqualTo(AssetRoot.Refusal.HIDDEN);
		assertThat(refusal(".assetbust/state.json")).isEqualTo(AssetRoot.Refusal.HIDDEN);
		assertThat(this.root.file(".assetbust/state.json")).isNull();
	}

	@Test
	void aLinkIsNeverAFileWhereverItPoints() {
		assertThat(refusal("css/link-in.css")).isEqualTo(AssetRoot.Refusal.NOT_A_FILE);
		assertThat(refusal("css/dangling.css")).isEqualTo(AssetRoot.Refusal.NOT_A_FILE);
		assertThat(refusal("css/link-out.css")).isEqualTo(AssetRoot.Refusal.OUTSIDE);
	}

	@Test
	void aFileBehindAFolderLinkOutOfTheRootIsOutside() {
		assertThat(refusal("folder-out/secret.css")).isEqualTo(AssetRoot.Refusal.OUTSIDE);
		assertThat(this.root.file("folder-out/secret.css")).isNull();
	}

	@Test
	void aFolderIsNotAFile() {
		assertThat(refusal("css")).isEqualTo(AssetRoot.Refusal.NOT_A_FILE);
	}

	@Test
	void aNameTheFileSystemCouldNotDecodeIsRefusedWithoutLookingAtTheDisk() {
		assertThat(AssetRoot.refusedName(AssetPath.of("css/\uFFFDbad.css"))).isEqualTo(AssetRoot.Refusal.UNDECODABLE);
		assertThat(AssetRoot.refusedName(AssetPath.of("css/.x.css"))).isEqualTo(AssetRoot.Refusal.HIDDEN);
		assertThat(AssetRoot.refusedName(AssetPath.of("css/x..css"))).isNull();
	}

	@Test
	void aUrlPathThatIsNoAssetPathIsRefused() {
		assertThat(this.root.file("../outside/secret.css")).isNull();
		assertThat(this.root.file("")).isNull();
	}

	@Test
	void aServingRootFollowsTheLinkItIsNamedThroughAtEveryQuestion() throws IOException {
		Path current = Files.createSymbolicLink(this.work.resolve("current"), this.site);
		AssetRoot serving = AssetRoot.serving(current);
		assertThat(serving.refusal(AssetPath.of("css/main.css"))).isNull();
		Path next = Files.createDirectories(this.work.resolve("next"));
		TestFiles.write(next, "css/other.css", "x");
		Files.delete(current);
		Files.createSymbolicLink(current, next);
		assertThat(serving.refusal(AssetPath.of("css/other.css"))).isNull();
		assertThat(serving.refusal(AssetPath.of("css/main.css"))).isEqualTo(AssetRoot.Refusal.MISSING);
	}

	@Test
	void anExistingRootMustBeAFolder() {
		assertThatExceptionOfType(AssetbustException.class)
			.isThrownBy(() -> AssetRoot.existing(this.site.resolve("css/main.css")))
			.withMessage("Asset root " + this.site.resolve("css/main.css") + " is not a folder");
		assertThatExceptionOfType(AssetbustException.class)
			.isThrownBy(() -> AssetRoot.existing(this.work.resolve("none")))
			.withMessage("Asset root " + this.work.resolve("none") + " does not exist");
	}

}
