package io.github.assetbust.core.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetPathTests {

	@TempDir
	Path root;

	@Test
	void dropsALeadingSlash() {
		assertThat(AssetPath.of("/css/main.css")).hasToString("css/main.css");
	}

	@Test
	void dropsDotSegmentsAndEmptySegments() {
		assertThat(AssetPath.of("./css//./main.css")).hasToString("css/main.css");
	}

	@Test
	void resolvesParentSegmentsThatStayInsideTheRoot() {
		assertThat(AssetPath.of("css/vendor/../../js/app.js")).hasToString("js/app.js");
	}

	@Test
	void rejectsAPathThatEscapesTheRoot() {
		assertThatThrownBy(() -> AssetPath.of("../x")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("'../x'")
			.hasMessageContaining("escapes the asset root");
	}

	@Test
	void rejectsAPathThatEscapesTheRootAfterGoingDownFirst() {
		assertThatThrownBy(() -> AssetPath.of("css/../../etc/passwd")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("escapes the asset root");
	}

	@Test
	void rejectsAnEmptyPath() {
		assertThatThrownBy(() -> AssetPath.of("")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void rejectsAPathThatNamesTheRootItself() {
		assertThatThrownBy(() -> AssetPath.of("/./")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("names the root itself");
	}

	@Test
	void rejectsABackslash() {
		assertThatThrownBy(() -> AssetPath.of("css\\main.css")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("backslash");
	}

	@Test
	void rejectsAControlCharacter() {
		assertThatThrownBy(() -> AssetPath.of("css/main\n.css")).isInstanceOf(InvalidAssetPathException.class)
			.hasMessageContaining("control character");
	}

	@Test
	void keepsTheInvalidPathOnTheException() {
		assertThatThrownBy(() -> AssetPath.of("../x")).isInstanceOfSatisfying(InvalidAssetPathException.class,
				(ex) -> assertThat(ex.getPath()).isEqualTo("../x"));
	}

	@Test
	void keepsSpacesAndUnicodeAsTheyAre() {
		assertThat(AssetPath.of("img/ünïcødé 图.png")).hasToString("img/ünïcødé 图.png");
	}

	@Test
	void splitsFolderFileNameAndExtension() {
		AssetPath path = AssetPath.of("js/vendor/app.min.js");
		assertThat(path.folder()).isEqualTo("js/vendor/");
		assertThat(path.fileName()).isEqualTo("app.min.js");
		assertThat(path.extension()).isEqualTo("js");
	}

	@Test
	void hasAnEmptyFolderAtTheRoot() {
		assertThat(AssetPath.of("favicon.ico").folder()).isEmpty();
	}

	@Test
	void hasNoExtensionWithoutADot() {
		assertThat(AssetPath.of("LICENSE").extension()).isEmpty();
	}

	@Test
	void treatsADotfileNameAsHavingNoExtension() {
		assertThat(AssetPath.of(".htaccess").extension()).isEmpty();
	}

	@Test
	void replacesOnlyTheFileNameWithASibling() {
		assertThat(AssetPath.of("css/main.css").withFileName("main-abc.css")).hasToString("css/main-abc.css");
	}

	@Test
	void isEqualToTheSamePathSpelledDifferently() {
		assertThat(AssetPath.of("/css/a.css")).isEqualTo(AssetPath.of("css/./a.css"))
			.hasSameHashCodeAs(AssetPath.of("css/a.css"));
	}

	@Test
	void sortsByItsNormalisedSpelling() {
		List<AssetPath> paths = new ArrayList<>(
				List.of(AssetPath.of("js/app.js"), AssetPath.of("/css/b.css"), AssetPath.of("css/a.css")));
		Collections.sort(paths);
		assertThat(paths).extracting(AssetPath::toString).containsExactly("css/a.css", "css/b.css", "js/app.js");
	}

	@Test
	void joinsTheSegmentsOfARelativeFileWithSlashes() {
		Path file = this.root.resolve("css").resolve("vendor").resolve("reset.css");
		assertThat(AssetPath.relative(this.root, file)).hasToString("css/vendor/reset.css");
	}

	@Test
	void resolvesToAFileUnderTheRoot() {
		Path file = AssetPath.of("/css/../js/app.js").resolveAgainst(this.root);
		assertThat(file).isEqualTo(this.root.resolve("js/app.js"));
		assertThat(file.normalize()).startsWithRaw(this.root);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource({ "css/main.css, css/main.css", ".../x.css, .../x.css",
			"a/..b/c.css, a/..b/c.css", "a/.b, a/.b", "..a, ..a", ".hidden, .hidden", "a/./b, a/b", "a/../b, b",
			"a//b, a/b", "/a, a", "a/, a", "./a/., a", "a/b/.., a", "x/.../.., x" })
	void normalisesEverySpellingTheSameWay(String spelling, String normal) {
		assertThat(AssetPath.of(spelling)).hasToString(normal);
	}

	@Test
	void aBareNameIsLookedForUnderTheFolderNamedAfterItsExtension() {
		assertThat(AssetPath.of("main.css").inExtensionFolder()).hasToString("css/main.css");
		assertThat(AssetPath.of("vendor/util.js").inExtensionFolder()).hasToString("js/vendor/util.js");
		assertThat(AssetPath.of("LICENSE").inExtensionFolder()).isNull();
	}

	@Test
	void aPathUnderTheFolderNamedAfterItsExtensionAnswersToItsBareName() {
		assertThat(AssetPath.of("css/main.css").withoutExtensionFolder()).isEqualTo("main.css");
		assertThat(AssetPath.of("js/vendor/util.js").withoutExtensionFolder()).isEqualTo("vendor/util.js");
		assertThat(AssetPath.of("img/logo.svg").withoutExtensionFolder()).isNull();
		assertThat(AssetPath.of("css/LICENSE").withoutExtensionFolder()).isNull();
		assertThat(AssetPath.of("main.css").withoutExtensionFolder()).isNull();
	}

}
