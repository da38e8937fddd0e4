package io.github.assetbust.core.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AssetCheckerTests {

	private static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 7, 7 };

	@TempDir
	Path temp;

	Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root"));
	}

	private Path manifestFile() {
		return this.root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME);
	}

	private BuildResult build() {
		return build(BuildOptions.forRoot(this.root));
	}

	private static BuildResult build(BuildOptions options) {
		return new AssetBuilder(options).build();
	}

	private AssetChecker.CheckResult check() {
		return AssetChecker.check(this.root, manifestFile());
	}

	private static AssetPath hashed(BuildResult result, String original) {
		return result.manifest().assets().get(AssetPath.of(original)).path();
	}

	/** A site with an image, a font, an import chain and a source map. */
	private BuildResult buildASite() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "fonts/f.woff2", "woff2");
		TestFiles.write(this.root, "css/base.css", ".b { background: url(../img/logo.png); }\n");
		TestFiles.write(this.root, "css/main.css", """
				@import "base.css";
				@font-face { font-family: F; src: url(../fonts/f.woff2?v=1) format("woff2"); }
				.a { background: url(/img/logo.png#x); }
				.c { background: url(https://example.com/x.png); }
				/*# sourceMappingURL=main.css.map */
				""");
		TestFiles.write(this.root, "css/main.css.map", "{\"version\":3}");
		TestFiles.write(this.root, "js/app.js", "f();\n//# sourceMappingURL=app.js.map\n");
		TestFiles.write(this.root, "js/app.js.map", "{\"version\":3}");
		return build();
	}

	@Test
	void passesAGoodBuildAndCountsWhatItChecked() throws IOException {
		buildASite();
		AssetChecker.CheckResult result = check();
		assertThat(result.problems()).isEmpty();
		assertThat(result.ok()).isTrue();
		assertThat(result.entries()).isEqualTo(7);
		// base.css: 1; main.css: import, font, root-relative image, source map; app.js: source map
		assertThat(result.references()).isEqualTo(6);
	}

	@Test
	void passesABuildWhoseCyclicReferenceStillPointsAtTheOriginal() throws IOException {
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";\n");
		TestFiles.write(this.root, "css/b.css", "@import \"a.css\";\n");
		build();
		AssetChecker.CheckResult result = check();
		assertThat(result.problems()).isEmpty();
		assertThat(result.references()).isEqualTo(2);
	}

	@Test
	void reportsADeletedHashedFile() throws IOException {
		AssetPath main = hashed(buildASite(), "css/main.css");
		Files.delete(main.resolveAgainst(this.root));
		assertThat(check().problems()).singleElement()
			.asString()
			.contains("css/main.css", main.toString(), "does not exist");
	}

	@Test
	void reportsATamperedHashedFile() throws IOException {
		AssetPath logo = hashed(buildASite(), "img/logo.png");
		byte[] tampered = LOGO.clone();
		tampered[tampered.length - 1] = 8;
		Files.write(logo.resolveAgainst(this.root), tampered);
		assertThat(check().problems()).singleElement()
			.asString()
			.contains(logo.toString(), TestFiles.md5(tampered), TestFiles.md5(LOGO));
	}

	@Test
	void reportsAHashedCssWhoseReferencePointsNowhere() throws IOException {
		// the image is excluded, so the reference is left as written; then the image goes away
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/main.css", "body { margin: 0; }\n\n.a { background: url(../img/logo.png); }\n");
		List<String> excludes = new ArrayList<>(BuildOptions.DEFAULT_EXCLUDES);
		excludes.add("img/**");
		AssetPath main = hashed(build(BuildOptions.forRoot(this.root).withExcludes(excludes)), "css/main.css");
		Files.delete(this.root.resolve("img/logo.png"));
		assertThat(check().problems()).singleElement()
			.asString()
			.contains(main + " line 3", "'../img/logo.png'", "img/logo.png", "does not exist");
	}

	@Test
	void reportsAHashedCssReferenceThatEscapesTheRoot() throws IOException {
		TestFiles.write(this.root, "css/main.css", ".a { background: url(../../../etc/passwd); }\n");
		AssetPath main = hashed(build(), "css/main.css");
		assertThat(check().problems()).singleElement()
			.asString()
			.contains(main + " line 1", "'../../../etc/passwd'", "outside the asset root");
	}

	@Test
	void reportsAHashedScriptWhoseSourceMapIsGone() throws IOException {
		BuildResult result = buildASite();
		AssetPath map = hashed(result, "js/app.js.map");
		Files.delete(map.resolveAgainst(this.root));
		assertThat(check().problems()).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).contains(hashed(result, "js/app.js") + " line 2", map.toString()));
	}

	@Test
	void listsEveryProblemNotJustTheFirst() throws IOException {
		BuildResult result = buildASite();
		Files.delete(hashed(result, "fonts/f.woff2").resolveAgainst(this.root));
		Files.writeString(hashed(result, "css/base.css").resolveAgainst(this.root), "tampered");
		List<String> problems = check().problems();
		// the font's entry, main.css's reference to it, and base.css's digest
		assertThat(problems).hasSize(3);
		assertThat(problems).anySatisfy((problem) -> assertThat(problem).startsWith("fonts/f.woff2:"));
		assertThat(problems).anySatisfy((problem) -> assertThat(problem).startsWith(hashed(result, "css/main.css") + " line 2"));
		assertThat(problems).anySatisfy((problem) -> assertThat(problem).startsWith(hashed(result, "css/base.css") + ":"));
	}

	@Test
	void reportsAMissingManifest() throws IOException {
		AssetChecker.CheckResult result = check();
		assertThat(result.ok()).isFalse();
		assertThat(result.problems()).singleElement().asString().contains(manifestFile().toString());
	}

	@Test
	void reportsAMalformedManifest() throws IOException {
		buildASite();
		Files.writeString(manifestFile(), "{\"version\": 1, \"assets\": {", StandardCharsets.UTF_8);
		AssetChecker.CheckResult result = check();
		assertThat(result.ok()).isFalse();
		assertThat(result.problems()).singleElement().asString().contains(manifestFile().toString());
	}

	@Test
	void reportsAManifestEntryWhoseNameCarriesNoDigest() throws IOException {
		TestFiles.write(this.root, "css/main.css", "a{}");
		Files.writeString(manifestFile(), "{\"main.css\": \"css/main.css\"}", StandardCharsets.UTF_8);
		assertThat(check().problems()).singleElement().asString().contains("css/main.css", "no digest");
	}

}
