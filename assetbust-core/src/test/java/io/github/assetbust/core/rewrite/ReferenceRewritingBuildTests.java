package io.github.assetbust.core.rewrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.reference.CssReferences;
import io.github.assetbust.core.reference.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds real trees whose CSS and JavaScript reference other files, and reads what was written. */
class ReferenceRewritingBuildTests {

	private static final Pattern HASHED_NAME = Pattern.compile("(.+)-([0-9a-f]{32})(\\.[^.]+)?");

	private static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	@TempDir
	Path temp;

	Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root"));
	}

	private BuildResult build() {
		return new AssetBuilder(BuildOptions.forRoot(this.root)).build();
	}

	private Path manifestFile() {
		return this.root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME);
	}

	private static String md5(String content) {
		return TestFiles.md5(content.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code name.ext} with {@code digest} put before its extension, the way the design names hashed copies. */
	private static String hashedName(String name, String digest) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) + "-" + digest + name.substring(dot) : name + "-" + digest;
	}

	private static Map<String, String> paths(Manifest manifest) {
		Map<String, String> paths = new TreeMap<>();
		manifest.assets().forEach((key, entry) -> paths.put(key.toString(), entry.path().toString()));
		return paths;
	}

	private Path hashedFile(BuildResult result, String original) {
		ManifestEntry entry = result.manifest().assets().get(AssetPath.of(original));
		assertThat(entry).as("manifest entry for %s", original).isNotNull();
		return entry.path().resolveAgainst(this.root);
	}

	private String hashedText(BuildResult result, String original) throws IOException {
		return Files.readString(hashedFile(result, original), StandardCharsets.UTF_8);
	}

	/** The file name the hashed copy of {@code original} must have if it holds exactly {@code content}. */
	private static String expectedName(String original, String content) {
		return hashedName(original.substring(original.lastIndexOf('/') + 1), md5(content));
	}

	/** Invariant 1, computed independently: every entry's file exists and is named after the md5 of its bytes. */
	private void assertEveryNameIsTheMd5OfItsBytes(Manifest manifest) throws IOException {
		assertThat(manifest.assets()).isNotEmpty();
		for (Map.Entry<AssetPath, ManifestEntry> entry : manifest.assets().entrySet()) {
			Path file = entry.getValue().path().resolveAgainst(this.root);
			assertThat(file).isRegularFile();
			Matcher name = HASHED_NAME.matcher(file.getFileName().toString());
			assertThat(name.matches()).as("%s is named like a hashed copy", file).isTrue();
			assertThat(name.group(2)).as("digest in the name of %s", file).isEqualTo(TestFiles.md5(file));
		}
	}

	/** {@code line:url:outcome} for every reported reference. */
	private static List<String> problems(BuildResult result) {
		return result.references()
			.problems()
			.stream()
			.map((problem) -> problem.file() + ":" + problem.line() + ":" + problem.url() + ":" + problem.outcome())
			.toList();
	}

	private static Map<ReferenceOutcome, Integer> nonZero(ReferenceReport report) {
		Map<ReferenceOutcome, Integer> counts = new TreeMap<>();
		report.counts().forEach((outcome, count) -> {
			if (count > 0) {
				counts.put(outcome, count);
			}
		});
		return counts;
	}

	// rewriting

	@Test
	void pointsHashedCssAtHashedImagesFontsAndImportsKeepingFolderAndSuffix() throws IOException {
		String base = "body { margin: 0; }\n";
		String print = "body { color: black; }\n";
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"star\"/></svg>";
		TestFiles.write(this.root, "css/base.css", base);
		TestFiles.write(this.root, "css/print.css", print);
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "img/sprite.svg", svg);
		TestFiles.write(this.root, "fonts/f.eot", "eot");
		TestFiles.write(this.root, "fonts/f.woff2", "woff2");
		TestFiles.write(this.root, "css/main.css", """
				@import "base.css";
				@import url(print.css) print;
				.logo { background: url(../img/logo.png); }
				@font-face {
				  font-family: F;
				  src: url('../fonts/f.eot?#iefix') format("embedded-opentype"), url("../fonts/f.woff2?v=4.7.0") format("woff2");
				}
				.star { background: url(../img/sprite.svg#star); }
				""");
		BuildResult result = build();
		String expected = """
				@import "%s";
				@import url(%s) print;
				.logo { background: url(../img/%s); }
				@font-face {
				  font-family: F;
				  src: url('../fonts/%s?#iefix') format("embedded-opentype"), url("../fonts/%s?v=4.7.0") format("woff2");
				}
				.star { background: url(../img/%s#star); }
				""".formatted(expectedName("base.css", base), expectedName("print.css", print),
				hashedName("logo.png", TestFiles.md5(LOGO)), expectedName("f.eot", "eot"),
				expectedName("f.woff2", "woff2"), expectedName("sprite.svg", svg));
		assertThat(hashedText(result, "css/main.css")).isEqualTo(expected);
		assertThat(paths(result.manifest())).containsEntry("css/main.css", "css/" + expectedName("main.css", expected));
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isEqualTo(6);
		assertThat(result.references().problems()).isEmpty();
	}

	@Test
	void writesTheHashedCssBesideTheOriginalSoItsReferencesResolveFromThere() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/site/base.css", "a { color: red; }");
		TestFiles.write(this.root, "css/site/main.css",
				"@import 'base.css';\n.a { background: url(../../img/logo.png?v=1); }\n.b { background: url(/img/logo.png#x); }\n");
		BuildResult result = build();
		Path hashed = hashedFile(result, "css/site/main.css");
		assertThat(hashed.getParent()).isEqualTo(this.root.resolve("css/site"));
		List<Reference> references = CssReferences.INSTANCE.find(Files.readString(hashed, StandardCharsets.ISO_8859_1));
		assertThat(references).hasSize(3);
		Set<String> hashedCopies = new TreeSet<>(paths(result.manifest()).values());
		for (Reference reference : references) {
			String url = reference.url().replaceFirst("[?#].*", "");
			Path target = url.startsWith("/") ? this.root.resolve(url.substring(1)) : hashed.getParent().resolve(url);
			target = target.normalize();
			assertThat(target).as(reference.url()).startsWith(this.root).isRegularFile();
			assertThat(hashedCopies).as(reference.url()).contains(this.root.relativize(target).toString());
		}
	}

	@Test
	void namesEveryFileAfterTheMd5OfTheExactBytesWritten() throws IOException {
		String main = "@import \"a.css\";\n.x { background: url(../img/logo.png); }\n";
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/a.css", ".a { background: url(../img/logo.png); }\n");
		TestFiles.write(this.root, "css/main.css", main);
		TestFiles.write(this.root, "js/app.js", "f();\n//# sourceMappingURL=app.js.map\n");
		TestFiles.write(this.root, "js/app.js.map", "{\"version\":3}");
		BuildResult result = build();
		assertEveryNameIsTheMd5OfItsBytes(result.manifest());
		// the name covers the rewritten bytes, not the source's
		assertThat(hashedFile(result, "css/main.css").getFileName().toString()).doesNotContain(md5(main));
	}

	@Test
	void rewritesARootRelativeReferenceAsRootRelative() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		TestFiles.write(this.root, "css/deep/main.css", ".a { background: url(/img/x.png); }");
		BuildResult result = build();
		assertThat(hashedText(result, "css/deep/main.css"))
			.isEqualTo(".a { background: url(/img/" + hashedName("x.png", TestFiles.md5(LOGO)) + "); }");
	}

	@Test
	void leavesDataAbsoluteProtocolRelativeAndFragmentReferencesAloneAndCountsThem() throws IOException {
		String css = """
				.a { background: url("data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg'/%3e"); }
				.b { background: url(data:image/png;base64,iVBORw0KGgo=); }
				.c { background: url(http://example.com/a.png); }
				.d { background: url('https://cdn.example.com/b.png?v=1'); }
				.e { background: url(//cdn.example.com/c.png); }
				.f { behavior: url(#default#VML); }
				.g { mask: url(#mask); }
				@import url("https://fonts.example.com/css?family=Roboto");
				""";
		TestFiles.write(this.root, "css/main.css", css);
		BuildResult result = build();
		assertThat(hashedText(result, "css/main.css")).isEqualTo(css);
		assertThat(nonZero(result.references())).isEqualTo(Map.of(ReferenceOutcome.DATA_URI, 2,
				ReferenceOutcome.EXTERNAL, 4, ReferenceOutcome.FRAGMENT_ONLY, 2));
		assertThat(result.references().problems()).isEmpty();
	}

	@Test
	void countsEveryOutcomeOfAMixedTree() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "src/theme.scss", "$c: red;");
		TestFiles.write(this.root, "css/main.css", """
				.a { background: url(../img/logo.png); }
				.b { background: url(data:image/gif;base64,R0lGOD==); }
				.c { background: url(https://example.com/x.png); }
				.d { mask: url(#m); }
				.e { background: url(../src/theme.scss); }
				.f { background: url(../img/gone.png); }
				.g { background: url(../../outside.png); }
				""");
		BuildResult result = build();
		Map<ReferenceOutcome, Integer> expected = new TreeMap<>();
		for (ReferenceOutcome outcome : ReferenceOutcome.values()) {
			expected.put(outcome, 1);
		}
		expected.put(ReferenceOutcome.CYCLE, 0);
		assertThat(new TreeMap<>(result.references().counts())).isEqualTo(expected);
		assertThat(result.summary()).contains("1 references rewritten", "2 reported");
	}

	@Test
	void leavesAReferenceToAnExcludedFileAsWrittenWithoutReportingIt() throws IOException {
		String css = ".a { background: url(../src/theme.scss); }\n";
		TestFiles.write(this.root, "src/theme.scss", "$c: red;");
		TestFiles.write(this.root, "css/main.css", css);
		BuildResult result = build();
		assertThat(hashedText(result, "css/main.css")).isEqualTo(css);
		assertThat(result.references().count(ReferenceOutcome.NOT_AN_ASSET)).isEqualTo(1);
		assertThat(result.references().problems()).isEmpty();
	}

	@Test
	void rewritesNamesWithSpacesAndUnicodeSoTheyResolve() throws IOException {
		byte[] spaced = { 's', 'p', 'a', 'c', 'e' };
		byte[] unicode = { 'u', 'n', 'i' };
		TestFiles.write(this.root, "img/my logo.png", spaced);
		TestFiles.write(this.root, "img/ünï.png", unicode);
		TestFiles.write(this.root, "css/main.css", """
				.a { background: url("../img/my logo.png"); }
				.b { background: url(../img/ünï.png); }
				.c { background: url(../img/my%20logo.png?v=1); }
				.d { background: url('../img/%C3%BCn%C3%AF.png'); }
				""");
		BuildResult result = build();
		String spacedName = hashedName("my logo.png", TestFiles.md5(spaced));
		String unicodeName = hashedName("ünï.png", TestFiles.md5(unicode));
		assertThat(hashedText(result, "css/main.css")).isEqualTo("""
				.a { background: url("../img/%s"); }
				.b { background: url(../img/%s); }
				.c { background: url(../img/%s?v=1); }
				.d { background: url('../img/%s'); }
				""".formatted(spacedName, unicodeName, spacedName.replace(" ", "%20"),
				hashedName("%C3%BCn%C3%AF.png", TestFiles.md5(unicode))));
		assertThat(this.root.resolve("img").resolve(spacedName)).isRegularFile().hasBinaryContent(spaced);
		assertThat(this.root.resolve("img").resolve(unicodeName)).isRegularFile().hasBinaryContent(unicode);
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isEqualTo(4);
	}

	@Test
	void keepsBytesOfTheCssThatAreNotUtf8() throws IOException {
		// a stylesheet saved as ISO-8859-1: the é in the comment is one byte, not valid UTF-8
		byte[] css = ".a { background: url(../img/x.png); } /* caf\u00e9 */".getBytes(StandardCharsets.ISO_8859_1);
		TestFiles.write(this.root, "img/x.png", LOGO);
		TestFiles.write(this.root, "css/main.css", css);
		BuildResult result = build();
		byte[] expected = (".a { background: url(../img/" + hashedName("x.png", TestFiles.md5(LOGO)) + "); } /* caf\u00e9 */")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(hashedFile(result, "css/main.css")).hasBinaryContent(expected);
	}

	// source maps

	@Test
	void hashesSourceMapsAndPointsTheHashedJsAndCssAtThem() throws IOException {
		String jsMap = "{\"version\":3,\"file\":\"app.js\",\"sources\":[\"app.ts\"],\"mappings\":\"AAAA\"}";
		String cssMap = "{\"version\":3,\"file\":\"main.css\",\"sources\":[\"main.scss\"],\"mappings\":\"AAAA\"}";
		TestFiles.write(this.root, "js/app.js", "console.log(1);\n//# sourceMappingURL=app.js.map\n");
		TestFiles.write(this.root, "js/app.js.map", jsMap);
		TestFiles.write(this.root, "css/main.css", "body{color:red}\n/*# sourceMappingURL=main.css.map */\n");
		TestFiles.write(this.root, "css/main.css.map", cssMap);
		BuildResult result = build();
		String jsMapName = hashedName("app.js.map", md5(jsMap));
		String cssMapName = hashedName("main.css.map", md5(cssMap));
		assertThat(paths(result.manifest())).containsEntry("js/app.js.map", "js/" + jsMapName)
			.containsEntry("css/main.css.map", "css/" + cssMapName);
		assertThat(hashedText(result, "js/app.js")).isEqualTo("console.log(1);\n//# sourceMappingURL=" + jsMapName + "\n");
		assertThat(hashedText(result, "css/main.css"))
			.isEqualTo("body{color:red}\n/*# sourceMappingURL=" + cssMapName + " */\n");
		assertThat(this.root.resolve("js").resolve(jsMapName)).hasContent(jsMap);
	}

	@Test
	void renamesAScriptWhenOnlyItsSourceMapChanged() throws IOException {
		TestFiles.write(this.root, "js/app.js", "f();\n//# sourceMappingURL=app.js.map\n");
		TestFiles.write(this.root, "js/app.js.map", "{\"version\":3,\"mappings\":\"AAAA\"}");
		TestFiles.write(this.root, "js/other.js", "g();\n");
		Map<String, String> before = paths(build().manifest());
		TestFiles.write(this.root, "js/app.js.map", "{\"version\":3,\"mappings\":\"AACA\"}");
		Map<String, String> after = paths(build().manifest());
		assertThat(changedKeys(before, after)).containsExactly("js/app.js", "js/app.js.map");
	}

	// digests follow references

	@Test
	void changingAnImageRenamesExactlyTheCssThatReferencesItDirectlyOrThroughImports() throws IOException {
		TestFiles.write(this.root, "img/a.png", "a1");
		TestFiles.write(this.root, "img/b.png", "b");
		TestFiles.write(this.root, "css/b.css", ".b { background: url(../img/a.png); }\n");
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";\n.a { color: red; }\n");
		TestFiles.write(this.root, "css/top.css", "@import url(a.css) screen;\n");
		TestFiles.write(this.root, "css/c.css", ".c { background: url(../img/b.png); }\n");
		TestFiles.write(this.root, "css/d.css", "@import \"c.css\";\n");
		TestFiles.write(this.root, "css/e.css", ".e { color: blue; }\n");
		TestFiles.write(this.root, "js/app.js", "f();\n");
		Map<String, String> before = paths(build().manifest());
		TestFiles.write(this.root, "img/a.png", "a2");
		BuildResult second = build();
		Map<String, String> after = paths(second.manifest());
		assertThat(after.keySet()).isEqualTo(before.keySet());
		assertThat(changedKeys(before, after)).containsExactly("css/a.css", "css/b.css", "css/top.css", "img/a.png");
		assertEveryNameIsTheMd5OfItsBytes(second.manifest());
	}

	@Test
	void keepsEveryNameWhenNothingChanged() throws IOException {
		TestFiles.write(this.root, "img/a.png", LOGO);
		TestFiles.write(this.root, "css/b.css", ".b { background: url(../img/a.png); }\n");
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";\n");
		BuildResult first = build();
		BuildResult second = build();
		assertThat(paths(second.manifest())).isEqualTo(paths(first.manifest()));
		assertThat(second.written()).isZero();
		assertThat(second.unchanged()).isEqualTo(3);
	}

	// cycles

	@Test
	void leavesTheReferenceClosingAnImportCycleAtTheOriginalAndNamesTheCycle() throws IOException {
		TestFiles.write(this.root, "img/x.png", "x");
		TestFiles.write(this.root, "img/y.png", "y");
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";\n.a { background: url(../img/x.png); }\n");
		TestFiles.write(this.root, "css/b.css", "@import \"a.css\";\n.b { background: url(../img/y.png); }\n");
		BuildResult result = build();
		String b = "@import \"a.css\";\n.b { background: url(../img/" + expectedName("y.png", "y") + "); }\n";
		assertThat(hashedText(result, "css/b.css")).isEqualTo(b);
		assertThat(hashedText(result, "css/a.css")).isEqualTo(
				"@import \"" + expectedName("b.css", b) + "\";\n.a { background: url(../img/" + expectedName("x.png", "x") + "); }\n");
		assertThat(problems(result)).containsExactly("css/b.css:1:a.css:CYCLE");
		assertThat(result.references().problems().get(0).toString()).contains("css/b.css line 1",
				"css/a.css -> css/b.css -> css/a.css");
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isEqualTo(3);
		assertThat(result.manifest().size()).isEqualTo(4);
	}

	@Test
	void buildsAThreeFileImportCycle() throws IOException {
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";\n");
		TestFiles.write(this.root, "css/b.css", "@import \"c.css\";\n");
		TestFiles.write(this.root, "css/c.css", "@import \"a.css\";\n");
		BuildResult result = build();
		assertThat(paths(result.manifest())).containsOnlyKeys("css/a.css", "css/b.css", "css/c.css");
		assertThat(problems(result)).containsExactly("css/c.css:1:a.css:CYCLE");
		assertThat(result.references().problems().get(0).detail())
			.contains("css/a.css -> css/b.css -> css/c.css -> css/a.css");
		assertThat(hashedText(result, "css/c.css")).isEqualTo("@import \"a.css\";\n");
		assertEveryNameIsTheMd5OfItsBytes(result.manifest());
	}

	@Test
	void buildsAStylesheetThatImportsItself() throws IOException {
		TestFiles.write(this.root, "css/a.css", "@import \"a.css\";\n");
		BuildResult result = build();
		assertThat(problems(result)).containsExactly("css/a.css:1:a.css:CYCLE");
		assertThat(hashedText(result, "css/a.css")).isEqualTo("@import \"a.css\";\n");
	}

	// broken references

	@Test
	void reportsAMissingReferenceWithFileLineAndTargetAndLeavesItAsWritten() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/main.css", """
				body { margin: 0; }
				.a { background: url(../img/logo.png); }
				.b { background: url("../img/gone.png?v=2"); }
				""");
		BuildResult result = build();
		assertThat(problems(result)).containsExactly("css/main.css:3:../img/gone.png?v=2:MISSING");
		assertThat(result.references().problems().get(0).toString()).contains("css/main.css line 3",
				"'../img/gone.png?v=2'", "img/gone.png");
		assertThat(hashedText(result, "css/main.css")).isEqualTo("""
				body { margin: 0; }
				.a { background: url(../img/%s); }
				.b { background: url("../img/gone.png?v=2"); }
				""".formatted(hashedName("logo.png", TestFiles.md5(LOGO))));
	}

	@Test
	void reportsAMissingSourceMap() throws IOException {
		TestFiles.write(this.root, "js/app.js", "f();\ng();\n//# sourceMappingURL=app.js.map\n");
		BuildResult result = build();
		assertThat(problems(result)).containsExactly("js/app.js:3:app.js.map:MISSING");
		assertThat(hashedText(result, "js/app.js")).isEqualTo("f();\ng();\n//# sourceMappingURL=app.js.map\n");
	}

	@Test
	void strictModeFailsListingEveryBrokenReferenceAndWritesNothing() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/main.css", ".a { background: url(../img/logo.png); }\n");
		TestFiles.write(this.root, "css/other.css", ".o { color: red; }\n");
		TestFiles.write(this.root, "js/app.js", "f();\n");
		build();
		byte[] manifestBefore = Files.readAllBytes(manifestFile());
		TestFiles.write(this.root, "css/main.css", """
				.a { background: url(../img/logo.png); }
				.b { background: url(../img/gone.png); }
				.c { background: url(../../../../etc/passwd); }
				""");
		TestFiles.write(this.root, "css/other.css", "@import \"nope.css\";\n.o { color: red; }\n");
		TestFiles.write(this.root, "js/app.js", "f();\n//# sourceMappingURL=app.js.map\n");
		List<String> filesBefore = TestFiles.regularFiles(this.root);
		BuildOptions strict = BuildOptions.forRoot(this.root).withStrict(true);
		assertThatThrownBy(() -> new AssetBuilder(strict).build()).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("4 references")
			.hasMessageContaining("css/main.css line 2: '../img/gone.png'")
			.hasMessageContaining("css/main.css line 3: '../../../../etc/passwd'")
			.hasMessageContaining("css/other.css line 1: 'nope.css'")
			.hasMessageContaining("js/app.js line 2: 'app.js.map'");
		assertThat(TestFiles.regularFiles(this.root)).isEqualTo(filesBefore);
		assertThat(manifestFile()).hasBinaryContent(manifestBefore);
	}

	@Test
	void strictModeBuildsATreeWhoseReferencesAllResolve() throws IOException {
		TestFiles.write(this.root, "img/logo.png", LOGO);
		TestFiles.write(this.root, "css/main.css",
				".a { background: url(../img/logo.png); }\n.b { background: url(https://example.com/x.png); }\n");
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root).withStrict(true)).build();
		assertThat(result.manifest().size()).isEqualTo(2);
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isEqualTo(1);
	}

	// nothing outside the root

	@Test
	void neverReadsAFileOutsideTheRootWhateverTheReferenceSays() throws IOException {
		String secret = "TOP-SECRET-4f1c2a9e";
		Path outside = Files.createDirectory(this.temp.resolve("outside"));
		TestFiles.write(outside, "secret.png", secret);
		TestFiles.write(this.temp, "secret.css", "body { content: \"" + secret + "\"; }");
		Files.createSymbolicLink(this.root.resolve("linked"), outside);
		Files.createDirectories(this.root.resolve("img"));
		Files.createSymbolicLink(this.root.resolve("img/link.png"), outside.resolve("secret.png"));
		String css = """
				@import "../../secret.css";
				.a { background: url(../../outside/secret.png); }
				.b { background: url(../../../../etc/passwd); }
				.c { background: url(/../outside/secret.png); }
				.d { background: url(%2e%2e/%2e%2e/outside/secret.png); }
				.e { background: url(..\\2f..\\2f outside/secret.png); }
				.f { background: url(../linked/secret.png); }
				.g { background: url(../img/link.png); }
				""";
		TestFiles.write(this.root, "css/main.css", css);
		BuildResult result = build();
		assertThat(problems(result)).contains("css/main.css:1:../../secret.css:OUTSIDE_ROOT",
				"css/main.css:2:../../outside/secret.png:OUTSIDE_ROOT", "css/main.css:3:../../../../etc/passwd:OUTSIDE_ROOT",
				"css/main.css:4:/../outside/secret.png:OUTSIDE_ROOT",
				"css/main.css:5:%2e%2e/%2e%2e/outside/secret.png:OUTSIDE_ROOT",
				"css/main.css:6:..\\2f..\\2f outside/secret.png:OUTSIDE_ROOT",
				"css/main.css:7:../linked/secret.png:OUTSIDE_ROOT", "css/main.css:8:../img/link.png:OUTSIDE_ROOT");
		assertThat(result.references().count(ReferenceOutcome.OUTSIDE_ROOT)).isEqualTo(8);
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isZero();
		assertThat(hashedText(result, "css/main.css")).isEqualTo(css);
		assertThat(paths(result.manifest())).containsOnlyKeys("css/main.css");
		try (Stream<Path> files = Files.walk(this.root)) {
			for (Path file : files.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file)
					.doesNotContain(secret);
			}
		}
	}

	private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		before.forEach((key, path) -> {
			if (!path.equals(after.get(key))) {
				changed.add(key);
			}
		});
		return changed;
	}

}
