package io.github.assetbust.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetScannerTests {

	@TempDir
	Path temp;

	Path root;

	Path outside;

	private final AssetScanner defaults = new AssetScanner(BuildOptions.DEFAULT_INCLUDES,
			BuildOptions.DEFAULT_EXCLUDES);

	@BeforeEach
	void createRootAndAFolderOutsideIt() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root"));
		this.outside = Files.createDirectory(this.temp.resolve("outside"));
	}

	private static List<String> files(AssetScanner.Scan scan) {
		return scan.files().stream().map(AssetPath::toString).toList();
	}

	private static List<String> skipped(AssetScanner.Scan scan) {
		return scan.skipped().stream().map((skipped) -> skipped.path().toString()).toList();
	}

	@Test
	void findsFilesAtTheRootAndInNestedFoldersSortedByPath() throws IOException {
		TestFiles.write(this.root, "js/vendor/lib/a.js", "a");
		TestFiles.write(this.root, "favicon.ico", "i");
		TestFiles.write(this.root, "css/main.css", "m");
		assertThat(files(this.defaults.scan(this.root))).containsExactly("css/main.css", "favicon.ico",
				"js/vendor/lib/a.js");
	}

	@Test
	void findsNothingInAnEmptyRoot() {
		AssetScanner.Scan scan = this.defaults.scan(this.root);
		assertThat(scan.files()).isEmpty();
		assertThat(scan.skipped()).isEmpty();
	}

	@Test
	void listsOnlyFilesAnIncludeSelects() throws IOException {
		TestFiles.write(this.root, "css/main.css", "m");
		TestFiles.write(this.root, "js/app.js", "a");
		TestFiles.write(this.root, "index.html", "h");
		AssetScanner scanner = new AssetScanner(List.of("**/*.css", "**/*.js"), List.of());
		assertThat(files(scanner.scan(this.root))).containsExactly("css/main.css", "js/app.js");
	}

	@Test
	void excludesSassSourcesAtAnyDepth() throws IOException {
		TestFiles.write(this.root, "main.scss", "s");
		TestFiles.write(this.root, "css/partials/_grid.scss", "s");
		TestFiles.write(this.root, "css/main.css", "m");
		assertThat(files(this.defaults.scan(this.root))).containsExactly("css/main.css");
	}

	@Test
	void excludesDotfilesAtAnyDepth() throws IOException {
		TestFiles.write(this.root, ".htaccess", "h");
		TestFiles.write(this.root, "css/.DS_Store", "d");
		TestFiles.write(this.root, "css/deep/.main.css.0f.assetbust.tmp", "t");
		TestFiles.write(this.root, "css/main.css", "m");
		assertThat(files(this.defaults.scan(this.root))).containsExactly("css/main.css");
	}

	@Test
	void doesNotListFilesInsideADotFolder() throws IOException {
		TestFiles.write(this.root, ".git/config", "[core]");
		TestFiles.write(this.root, "css/.cache/main.css", "c");
		TestFiles.write(this.root, "css/main.css", "m");
		assertThat(files(this.defaults.scan(this.root))).containsExactly("css/main.css");
	}

	@Test
	void doesNotEnterAnExcludedFolder() throws IOException {
		TestFiles.write(this.root, "node_modules/pkg/index.js", "x");
		Files.createSymbolicLink(this.root.resolve("node_modules/pkg/link.js"), this.outside);
		TestFiles.write(this.root, "js/app.js", "a");
		AssetScanner scanner = new AssetScanner(List.of("**/*"), List.of("node_modules"));
		AssetScanner.Scan scan = scanner.scan(this.root);
		assertThat(files(scan)).containsExactly("js/app.js");
		// a link inside would have been reported had the folder been entered
		assertThat(scan.skipped()).isEmpty();
	}

	@Test
	void doesNotEnterAnExcludedDotFolder() throws IOException {
		TestFiles.write(this.root, ".git/objects/pack.idx", "x");
		Files.createSymbolicLink(this.root.resolve(".git/HEAD.link"), this.outside.resolve("nowhere"));
		AssetScanner.Scan scan = this.defaults.scan(this.root);
		assertThat(scan.files()).isEmpty();
		assertThat(scan.skipped()).isEmpty();
	}

	@Test
	void skipsAndReportsALinkToAFileOutsideTheRoot() throws IOException {
		Path secret = TestFiles.write(this.outside, "secret.css", "TOP SECRET");
		Files.createSymbolicLink(this.root.resolve("leak.css"), secret);
		TestFiles.write(this.root, "main.css", "m");
		AssetScanner.Scan scan = this.defaults.scan(this.root);
		assertThat(files(scan)).containsExactly("main.css");
		assertThat(scan.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.path()).hasToString("leak.css");
			assertThat(skipped.reason()).contains("symbolic link");
		});
	}

	@Test
	void skipsAndReportsALinkToAFolderWithoutListingWhatIsInIt() throws IOException {
		TestFiles.write(this.outside, "vendor/lib.js", "outside");
		Files.createDirectories(this.root.resolve("js"));
		Files.createSymbolicLink(this.root.resolve("js/vendor"), this.outside.resolve("vendor"));
		AssetScanner.Scan scan = this.defaults.scan(this.root);
		assertThat(scan.files()).isEmpty();
		assertThat(skipped(scan)).containsExactly("js/vendor");
	}

	@Test
	void skipsAndReportsALinkToAFileInsideTheRoot() throws IOException {
		TestFiles.write(this.root, "css/main.css", "m");
		Files.createSymbolicLink(this.root.resolve("css/alias.css"), this.root.resolve("css/main.css"));
		AssetScanner.Scan scan = this.defaults.scan(this.root);
		assertThat(files(scan)).containsExactly("css/main.css");
		assertThat(skipped(scan)).containsExactly("css/alias.css");
	}

	@Test
	void describesASkippedFileWithItsPathAndReason() {
		assertThat(new AssetScanner.Skipped("css/a.css", "it is a link"))
			.hasToString("Skipped css/a.css: it is a link");
	}

	@Test
	void rejectsARootThatDoesNotExistNamingIt() {
		Path missing = this.root.resolve("no-such-folder");
		assertThatThrownBy(() -> this.defaults.scan(missing)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(missing.toString())
			.hasMessageContaining("does not exist");
	}

	@Test
	void rejectsARootThatIsAFileNamingIt() throws IOException {
		Path file = TestFiles.write(this.root, "main.css", "m");
		assertThatThrownBy(() -> this.defaults.scan(file)).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("is not a folder");
	}

	@Test
	void scansARootThatIsALinkToAFolder() throws IOException {
		Path release = this.outside.resolve("release-42");
		TestFiles.write(release, "css/main.css", "m");
		Path current = Files.createSymbolicLink(this.root.resolve("current"), release);
		AssetScanner.Scan scan = this.defaults.scan(current);
		assertThat(files(scan)).containsExactly("css/main.css");
		assertThat(scan.root()).isEqualTo(release.toRealPath());
	}


	@Test
	void reportsAFileWhoseNameCannotBeAnAssetPathAndGoesOn() throws IOException {
		TestFiles.write(this.root, "css/back\\slash.css", "a");
		TestFiles.write(this.root, "css/main.css", "b");
		AssetScanner.Scan scan = new AssetScanner(BuildOptions.DEFAULT_INCLUDES, BuildOptions.DEFAULT_EXCLUDES)
			.scan(this.root);
		assertThat(scan.files()).extracting(AssetPath::toString).containsExactly("css/main.css");
		assertThat(scan.skipped()).singleElement()
			.satisfies((skipped) -> assertThat(skipped.reason()).contains("backslash"));
	}
}
