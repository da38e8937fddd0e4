package io.github.assetbust.core.path;

import java.util.List;

import io.github.assetbust.core.AssetbustException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobSelectionTests {

	private static final List<String> DEFAULT_EXCLUDES = List.of(".*", "**/.*", "**/*.scss");

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	@Test
	void selectsAFileThatAnyIncludeMatches() {
		GlobSelection selection = new GlobSelection(List.of("css/**", "js/**"), List.of());
		assertThat(selection).accepts(path("css/main.css"), path("js/app.js"));
		assertThat(selection).rejects(path("img/logo.png"));
	}

	@Test
	void anExcludeWinsOverAnInclude() {
		GlobSelection selection = new GlobSelection(List.of("**/*"), DEFAULT_EXCLUDES);
		assertThat(selection).accepts(path("css/main.css"));
		assertThat(selection).rejects(path("css/_grid.scss"), path(".env"), path("css/.DS_Store"));
	}

	@Test
	void selectsNothingWithoutIncludes() {
		GlobSelection selection = new GlobSelection(List.of(), List.of());
		assertThat(selection).rejects(path("css/main.css"), path("favicon.ico"));
	}

	@Test
	void saysAFolderIsExcludedSoTheScanNeedNotEnterIt() {
		GlobSelection selection = new GlobSelection(List.of("**/*"), List.of("node_modules"));
		assertThat(selection.isExcluded(path("node_modules"))).isTrue();
		assertThat(selection.isExcluded(path("css"))).isFalse();
	}

	@Test
	void isExcludedAsksOnlyTheExcludes() {
		GlobSelection selection = new GlobSelection(List.of("css/**"), List.of("**/*.scss"));
		assertThat(selection.isExcluded(path("img/logo.png"))).as("not included, but not excluded either").isFalse();
		assertThat(selection.isExcluded(path("img/logo.scss"))).isTrue();
	}

	@Test
	void namesAGlobItCannotUnderstandWhenItIsCreated() {
		assertThatThrownBy(() -> new GlobSelection(List.of("**/*"), List.of("{css,js"))).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("'{css,js'");
	}

}
