package io.github.assetbust.core.digest;

import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityTests {

	@ParameterizedTest
	@ValueSource(strings = { "css/main.css", "js/app.js", "js/module.mjs", "CSS/MAIN.CSS", "js/App.JS" })
	void appliesToStylesheetsAndScripts(String path) {
		assertThat(Integrity.appliesTo(AssetPath.of(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "img/logo.png", "img/logo.svg", "fonts/a.woff2", "js/app.js.map", "data.json",
			"README", "css/main.css.gz", "js/app.cjs" })
	void doesNotApplyToFilesNoBrowserChecks(String path) {
		assertThat(Integrity.appliesTo(AssetPath.of(path))).isFalse();
	}

}
