package io.github.assetbust.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md invariant 5 through the CLI: bad input gets one clear error naming what was wrong (or,
 * for a file the build cannot hash, a warning naming it while the rest is built), and the last good
 * state survives: the manifest's bytes, its hashed copies and every original stay as they were.
 * Invariant 4 for links: nothing outside the root is read or written.
 */
class BadInputIT {

	private static final String SKIPPED_LINK = ": it is a symbolic link, and links are never followed";

	@TempDir
	Path work;

	/** The asset root, under the name the commands are given. */
	Path root;

	/** The root as core names it in messages: its real path. */
	Path realRoot;

	Path manifest;

	Map<String, byte[]> originals;

	/** The good state the first build left: every regular file under the root with its md5. */
	Map<String, String> good;

	@BeforeEach
	void aBuiltSite() throws IOException {
		this.root = this.work.resolve("site");
		this.originals = new LinkedHashMap<>();
		this.originals.put("css/main.css", utf8("body { background: url(../img/logo.png); }\n"));
		this.originals.put("img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 });
		this.originals.put("js/app.js", utf8("console.log('app');\n//# sourceMappingURL=app.js.map\n"));
		this.originals.put("js/app.js.map", utf8("{\"version\":3,\"sources\":[],\"mappings\":\"\"}"));
		Trees.write(this.root, this.originals);
		Cli.run(this.work, "build", "--root", "site").exits(0);
		this.realRoot = this.root.toRealPath();
		this.manifest = this.root.resolve(Invariants.MANIFEST).toAbsolutePath();
		this.good = snapshot(this.root);
		assertThat(Invariants.manifestHolds(this.root, "the first build").size()).isEqualTo(4);
	}

	// --- manifests that are not manifests ---------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenManifests")
	void aBrokenManifestIsNeverReplacedAndEveryCommandNamesIt(String kind, String content, String detail)
			throws IOException {
		byte[] broken = content.getBytes(StandardCharsets.UTF_8);
		Files.write(this.manifest, broken);
		Map<String, String> before = snapshot(this.root);
		String malformed = "Malformed asset manifest " + this.manifest + ": " + detail;

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(1);
		assertThat(build.out()).isEmpty();
		assertThat(build.errLines()).singleElement().asString()
			.startsWith("assetbust: Refusing to replace " + this.manifest + ", which is not an assetbust manifest ("
					+ malformed)
			.endsWith("); move it away, or point the manifest somewhere else");
		assertThat(snapshot(this.root)).as("nothing written, replaced or removed").isEqualTo(before);

		Cli.Run check = Cli.run(this.work, "check", "--root", "site").exits(1);
		assertThat(check.outLines()).singleElement().asString().startsWith(malformed);
		assertThat(check.errLines()).containsExactly("assetbust: 1 problem found checking " + this.manifest);

		Cli.Run clean = Cli.run(this.work, "clean", "--root", "site", "--keep", "0", "--max-age", "0").exits(1);
		assertThat(clean.out()).isEmpty();
		assertThat(clean.errLines()).singleElement().asString().startsWith("assetbust: " + malformed);

		assertThat(Files.readAllBytes(this.manifest)).as("the manifest's bytes").isEqualTo(broken);
		assertThat(snapshot(this.root)).as("nothing written, replaced or removed").isEqualTo(before);
		Invariants.originalsIntact(this.root, this.originals, kind);
	}

	static Stream<Arguments> brokenManifests() {
		return Stream.of(
				Arguments.of("malformed", "{ not json",
						"Unexpected character ('n' (code 110)): was expecting double-quote to start field name "
								+ "(line 1, column 3)"),
				// a manifest like the first build's, cut off inside the "path" of its first entry
				Arguments.of("truncated", "{\n  \"version\": 1,\n  \"algorithm\": \"md5\",\n  \"assets\": {\n"
						+ "    \"css/main.css\": {\n      \"path\": \"css/main-", "Unexpected end-of-input: was expecting closing quote for a string value (line 6, column 25)"));
	}

	@Test
	void aTruncatedCopyOfTheRealManifestIsRefusedToo() throws IOException {
		byte[] whole = Files.readAllBytes(this.manifest);
		byte[] half = Arrays.copyOf(whole, whole.length / 2);
		Files.write(this.manifest, half);
		Map<String, String> before = snapshot(this.root);

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(1);
		assertThat(build.errLines()).singleElement().asString()
			.startsWith("assetbust: Refusing to replace " + this.manifest + ", which is not an assetbust manifest ("
					+ "Malformed asset manifest " + this.manifest + ": Unexpected end-of-input");
		Cli.Run check = Cli.run(this.work, "check", "--root", "site").exits(1);
		assertThat(check.outLines()).singleElement().asString()
			.startsWith("Malformed asset manifest " + this.manifest + ": Unexpected end-of-input");

		assertThat(Files.readAllBytes(this.manifest)).isEqualTo(half);
		assertThat(snapshot(this.root)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entriesOutsideTheRoot")
	void aManifestEntryOutsideTheRootIsNamedAndNothingOutsideIsRead(String manifest, String problem) throws IOException {
		// a file with an empty file's md5 outside the root, for a check that followed the entry to find
		Path outside = this.work.resolve("x-d41d8cd98f00b204e9800998ecf8427e.css");
		Files.write(outside, new byte[0]);
		Files.writeString(this.manifest, manifest);
		Map<String, String> before = snapshot(this.root);

		Cli.Run check = Cli.run(this.work, "check", "--root", "site").exits(1);

		assertThat(check.outLines()).containsExactly(problem.replace("MANIFEST", this.manifest.toString()));
		assertThat(check.errLines()).containsExactly("assetbust: 1 problem found checking " + this.manifest);
		if (!problem.startsWith("css/main.css: ")) {
			Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(1);
			assertThat(build.errLines()).singleElement().asString()
				.startsWith("assetbust: Refusing to replace " + this.manifest);
		}
		assertThat(snapshot(this.root)).isEqualTo(before);
		assertThat(outside).isEmptyFile();
		assertThat(names(this.work)).containsExactlyInAnyOrder("site", outside.getFileName().toString());
	}

	static Stream<Arguments> entriesOutsideTheRoot() {
		String escapes = "Malformed asset manifest MANIFEST: entry \"css/main.css\": Invalid asset path '%s': it escapes "
				+ "the asset root (line 1, column %d)";
		return Stream.of(
				Arguments.of("{\"version\": 1, \"algorithm\": \"md5\", \"assets\": {\"css/main.css\": {\"path\": \"../x.css\"}}}",
						escapes.formatted("../x.css", 72)),
				Arguments.of("{\"version\": 1, \"algorithm\": \"md5\", \"assets\": {\"css/main.css\": "
						+ "{\"path\": \"css/../../x-d41d8cd98f00b204e9800998ecf8427e.css\"}}}",
						escapes.formatted("css/../../x-d41d8cd98f00b204e9800998ecf8427e.css", 72)),
				Arguments.of("{\"version\": 1, \"assets\": {\"../x.css\": {\"path\": \"css/main.css\"}}}",
						"Malformed asset manifest MANIFEST: entry \"../x.css\": Invalid asset path '../x.css': it escapes "
								+ "the asset root (line 1, column 27)"),
				Arguments.of("{\"css/main.css\": \"../x.css\"}", escapes.formatted("../x.css", 18)),
				// an absolute path is taken from the root, never from the file system's root
				Arguments.of("{\"version\": 1, \"assets\": {\"css/main.css\": {\"path\": \"/etc/hostname\"}}}",
						"css/main.css: its hashed copy etc/hostname does not exist"));
	}

	/**
	 * Core bug: a build takes every path the previous manifest names as a copy an earlier build
	 * generated (AssetBuilder.selectAssets leaves it out of the assets; clean records it as the
	 * previous generation), with no check that it is named like one or that its digest matches. A
	 * parseable manifest whose entry names an original (hand-edited, another tool's, another root's)
	 * makes {@code build --keep 0 --max-age 0} delete that original: "1 stale copy removed", and
	 * css/main.css's copy still points at it. With the default retention it goes two builds and an
	 * hour later.
	 */
	@Test
	void aManifestEntryNamingAnOriginalNeverGetsTheOriginalDeleted() throws IOException {
		Files.writeString(this.manifest, "{\"version\": 1, \"assets\": {\"css/main.css\": {\"path\": \"img/logo.png\"}}}");

		Cli.run(this.work, "build", "--root", "site", "--keep", "0", "--max-age", "0");

		Invariants.originalsIntact(this.root, this.originals, "after a build over a manifest naming an original");
	}

	// --- roots that are not folders -----------------------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "build", "check", "clean" })
	void aRootThatIsAFileIsNamedAndLeftAlone(String command) throws IOException {
		Path file = this.work.resolve("site/css/main.css");
		List<String> beside = names(file.getParent());

		Cli.Run run = Cli.run(this.work, command, "--root", "site/css/main.css").exits(1);

		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).containsExactly("assetbust: Asset root " + file.toAbsolutePath() + " is not a folder");
		assertThat(file).hasBinaryContent(this.originals.get("css/main.css"));
		assertThat(names(file.getParent())).as("nothing written beside it").isEqualTo(beside);
		assertThat(snapshot(this.root)).isEqualTo(this.good);
	}

	// --- links --------------------------------------------------------------------------------

	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "symbolic links without privileges")
	void linksOutOfTheRootAreNeverFollowedAndWhatTheyPointAtAppearsNowhere() throws IOException {
		Path outside = this.work.resolve("outside");
		Files.createDirectories(outside.resolve("dir"));
		Files.writeString(outside.resolve("secret.css"), "/* SECRET-STYLESHEET */ body { color: red; }\n");
		Files.writeString(outside.resolve("dir/s.png"), "SECRET-IMAGE");
		Map<String, String> outsideBefore = snapshot(outside);
		Files.createSymbolicLink(this.root.resolve("css/evil.css"), Path.of("../../outside/secret.css"));
		Files.createSymbolicLink(this.root.resolve("img/ext"), Path.of("../../outside/dir"));
		Files.createSymbolicLink(this.root.resolve("js/abs.js"), outside.resolve("secret.css").toAbsolutePath());
		Files.writeString(this.root.resolve("css/refs.css"), ".a { background: url(evil.css); }\n"
				+ ".b { background: url(../img/ext/s.png); }\n.c { background: url(../img/logo.png); }\n");

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(build.out()).contains("5 assets hashed (1 copy written, 4 unchanged)").endsWith("; 3 files skipped\n");
		assertThat(build.errLines()).containsExactlyInAnyOrder(
				"assetbust: warning: Skipped css/evil.css" + SKIPPED_LINK,
				"assetbust: warning: Skipped img/ext" + SKIPPED_LINK,
				"assetbust: warning: Skipped js/abs.js" + SKIPPED_LINK,
				"assetbust: warning: css/refs.css line 1: 'evil.css' leads through a link out of the asset root; it is "
						+ "never followed; left as written",
				"assetbust: warning: css/refs.css line 2: '../img/ext/s.png' leads through a link out of the asset root; "
						+ "it is never followed; left as written");
		Manifest manifest = ManifestStore.read(this.manifest);
		assertThat(manifest.assets().keySet()).map(Object::toString)
			.containsExactlyInAnyOrder("css/main.css", "css/refs.css", "img/logo.png", "js/app.js", "js/app.js.map");
		String hashedRefs = manifest.assets().get(AssetPath.of("css/refs.css")).path().toString();
		assertThat(this.root.resolve(hashedRefs)).content()
			.contains("url(evil.css)", "url(../img/ext/s.png)")
			.containsPattern("url\\(\\.\\./img/logo-[0-9a-f]{32}\\.png\\)");
		for (Map.Entry<String, Path> file : Trees.list(this.root).entrySet()) {
			assertThat(Files.readString(file.getValue(), StandardCharsets.ISO_8859_1)).as(file.getKey())
				.doesNotContain("SECRET");
		}
		assertThat(snapshot(outside)).as("nothing outside the root written").isEqualTo(outsideBefore);
		assertThat(Files.readSymbolicLink(this.root.resolve("css/evil.css"))).isEqualTo(Path.of("../../outside/secret.css"));

		Cli.Run check = Cli.run(this.work, "check", "--root", "site").exits(1);
		assertThat(check.outLines())
			.contains(hashedRefs + " line 1: 'evil.css' leads through a link out of the asset root");
		assertThat(snapshot(outside)).isEqualTo(outsideBefore);
	}

	/**
	 * Core bug: AssetChecker resolves references and manifest entries with
	 * {@code Files.isRegularFile(root.resolve(path), NOFOLLOW_LINKS)}, which only refuses a link as
	 * the last segment: a folder link inside the root is followed, and the file behind it (outside
	 * the root) is digested and passes.
	 */
	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "symbolic links without privileges")
	void checkDoesNotFollowAFolderLinkOutOfTheRoot() throws IOException {
		Path outside = this.work.resolve("outside/dir");
		Files.createDirectories(outside);
		Files.writeString(outside.resolve("s-" + md5("SECRET") + ".png"), "SECRET");
		Files.createSymbolicLink(this.root.resolve("img/ext"), Path.of("../../outside/dir"));
		Files.writeString(this.manifest, "{\"version\": 1, \"algorithm\": \"md5\", \"assets\": {\"img/s.png\": "
				+ "{\"path\": \"img/ext/s-" + md5("SECRET") + ".png\"}}}");

		Cli.Run check = Cli.run(this.work, "check", "--root", "site").exits(1);

		assertThat(check.out()).contains("img/ext/s-" + md5("SECRET") + ".png");
	}

	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "symbolic links without privileges")
	void linkLoopsAreSkippedAndTheBuildCompletes() throws IOException {
		Files.createSymbolicLink(this.root.resolve("css/a.css"), Path.of("b.css"));
		Files.createSymbolicLink(this.root.resolve("css/b.css"), Path.of("a.css"));
		Files.createSymbolicLink(this.root.resolve("img/up"), Path.of(".."));
		Files.createSymbolicLink(this.root.resolve("js/self"), Path.of("."));
		Files.writeString(this.root.resolve("js/app.js"), "console.log('changed');\n");

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(build.out()).startsWith("4 assets hashed (1 copy written, 3 unchanged)").endsWith("; 4 files skipped\n");
		assertThat(build.errLines()).containsExactlyInAnyOrder("assetbust: warning: Skipped css/a.css" + SKIPPED_LINK,
				"assetbust: warning: Skipped css/b.css" + SKIPPED_LINK, "assetbust: warning: Skipped img/up" + SKIPPED_LINK,
				"assetbust: warning: Skipped js/self" + SKIPPED_LINK);
		assertThat(ManifestStore.read(this.manifest).assets().keySet()).map(Object::toString)
			.containsExactlyInAnyOrder("css/main.css", "img/logo.png", "js/app.js", "js/app.js.map");
		Cli.run(this.work, "check", "--root", "site").exits(0);
		Cli.run(this.work, "clean", "--root", "site", "--keep", "0", "--max-age", "0").exits(0);
		Cli.run(this.work, "check", "--root", "site").exits(0);
		assertThat(Files.isSymbolicLink(this.root.resolve("img/up"))).isTrue();
	}

	// --- names ----------------------------------------------------------------------------------

	@Test
	void namesWithSpacesPercentHashQuestionMarkAndUnicodeAreHashedAndReferencesToThemRewritten() throws IOException {
		// .ci/run sets a UTF-8 locale: without one the JVM cannot even name these files
		assertThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
		Map<String, byte[]> odd = new TreeMap<>();
		odd.put("img/with space.png", utf8("P1"));
		odd.put("img/100%.png", utf8("P2"));
		odd.put("img/a#b.png", utf8("P3"));
		odd.put("img/why?.png", utf8("P4"));
		odd.put("img/ünï-日本.png", utf8("P5"));
		odd.put("css/my file #1?.css", utf8("""
				a { background: url("../img/with space.png"); }
				b { background: url(../img/with%20space.png); }
				c { background: url(../img/100%25.png); }
				d { background: url(../img/a%23b.png); }
				e { background: url(../img/why%3F.png); }
				f { background: url(../img/ünï-日本.png); }
				g { background: url(../img/%C3%BCn%C3%AF-%E6%97%A5%E6%9C%AC.png); }
				"""));
		Trees.write(this.root, odd);

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(build.out()).startsWith("10 assets hashed (6 copies written, 4 unchanged), 9 references rewritten");
		assertThat(build.err()).isEmpty();
		Manifest manifest = ManifestStore.read(this.manifest);
		Map<String, String> hashed = new TreeMap<>();
		manifest.assets().forEach((key, entry) -> hashed.put(key.toString(), entry.path().toString()));
		for (String name : odd.keySet()) {
			String stem = name.substring(0, name.lastIndexOf('.'));
			String extension = name.substring(stem.length());
			assertThat(hashed.get(name)).as(name)
				.matches(Pattern.quote(stem) + "-[0-9a-f]{32}" + Pattern.quote(extension));
			assertThat(this.root.resolve(hashed.get(name))).as(name).isRegularFile();
		}
		String digest = "-[0-9a-f]{32}";
		assertThat(Files.readString(this.root.resolve(hashed.get("css/my file #1?.css"))).lines().toList()).satisfiesExactly(
				(line) -> assertThat(line).matches("a \\{ background: url\\(\"\\.\\./img/with space" + digest + "\\.png\"\\); }"),
				(line) -> assertThat(line).matches("b \\{ background: url\\(\\.\\./img/with%20space" + digest + "\\.png\\); }"),
				(line) -> assertThat(line).matches("c \\{ background: url\\(\\.\\./img/100%25" + digest + "\\.png\\); }"),
				(line) -> assertThat(line).matches("d \\{ background: url\\(\\.\\./img/a%23b" + digest + "\\.png\\); }"),
				(line) -> assertThat(line).matches("e \\{ background: url\\(\\.\\./img/why%3F" + digest + "\\.png\\); }"),
				(line) -> assertThat(line).matches("f \\{ background: url\\(\\.\\./img/ünï-日本" + digest + "\\.png\\); }"),
				(line) -> assertThat(line).matches("g \\{ background: url\\(\\.\\./img/%C3%BCn%C3%AF-%E6%97%A5%E6%9C%AC"
						+ digest + "\\.png\\); }"));
		Cli.run(this.work, "check", "--root", "site").exits(0);
		Invariants.originalsIntact(this.root, odd, "odd names");
	}

	@Test
	void aNameWhoseHashedNameWouldPass255BytesIsSkippedByNameAndTheRestIsBuilt() throws IOException {
		String name = "img/" + "n".repeat(236) + ".png";
		assertThat(name.substring(4).getBytes(StandardCharsets.UTF_8)).hasSize(240);
		Files.writeString(this.root.resolve(name), "LONG");
		Files.writeString(this.root.resolve("img/other.png"), "OTHER");

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(build.out()).startsWith("5 assets hashed (1 copy written, 4 unchanged)").endsWith("; 1 file skipped\n");
		assertThat(build.errLines()).containsExactly("assetbust: warning: Skipped " + name
				+ ": its hashed name would be 273 bytes long, more than the 255 file systems allow; shorten the name");
		assertThat(ManifestStore.read(this.manifest).assets().keySet()).map(Object::toString)
			.containsExactlyInAnyOrder("css/main.css", "img/logo.png", "img/other.png", "js/app.js", "js/app.js.map");
		assertThat(this.root.resolve(name)).hasContent("LONG");
		Cli.run(this.work, "check", "--root", "site").exits(0);
		Invariants.originalsIntact(this.root, this.originals, "long name");
	}

	/**
	 * Core bug: the 255-byte guard counts the hashed name only, but a rewritten stylesheet or script
	 * is written through a temporary file named {@code .<hashed name>.<16 hex>.assetbust.tmp}, 32
	 * bytes longer. A CSS or JS file with a reference and a name of 191 to 222 bytes passes the guard
	 * and then fails the whole build: {@code Cannot write the hashed copy of css/rrr….css in …:
	 * java.nio.file.FileSystemException: …/css/.rrr…-<md5>.css.<hex>.assetbust.tmp: File name too long}.
	 */
	@Test
	void aStylesheetWhoseTemporaryNameWouldPass255BytesDoesNotFailTheBuild() throws IOException {
		String name = "css/" + "r".repeat(200) + ".css";
		Files.writeString(this.root.resolve(name), "x { background: url(../img/logo.png); }\n");

		Cli.Run build = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(ManifestStore.read(this.manifest).assets().keySet()).map(Object::toString)
			.contains("css/main.css", "img/logo.png", "js/app.js", "js/app.js.map");
		assertThat(build.err()).doesNotContain("File name too long");
		Cli.run(this.work, "check", "--root", "site").exits(0);
	}

	// --- a full disk ----------------------------------------------------------------------------

	/**
	 * A hashed copy that cannot be written (the file size limit stands in for a full disk: the JVM
	 * ignores SIGXFSZ, so the write fails with EFBIG, "File too large") fails the build naming the
	 * file, and the previous manifest and all its files stay.
	 */
	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "bash and ulimit")
	void aCopyThatCannotBeWrittenFailsTheBuildNamingItAndThePreviousManifestStays() throws IOException {
		byte[] big = new byte[1024 * 1024];
		new java.util.Random(5).nextBytes(big);
		Files.createDirectories(this.root.resolve("media"));
		Files.write(this.root.resolve("media/big.bin"), big);
		Map<String, String> before = snapshot(this.root);
		byte[] manifestBytes = Files.readAllBytes(this.manifest);

		Cli.Run build = withFileSizeLimit("build", "--root", "site");

		assertThat(build.exitCode()).as("exit code; stderr: %s", build.err()).isEqualTo(1);
		assertThat(build.out()).isEmpty();
		assertThat(build.errLines()).containsExactly("assetbust: Cannot write the hashed copy of media/big.bin in "
				+ this.realRoot + ": java.io.IOException: File too large");
		assertThat(Files.readAllBytes(this.manifest)).as("the manifest's bytes").isEqualTo(manifestBytes);
		assertThat(snapshot(this.root)).as("nothing written, replaced or removed").isEqualTo(before);
		assertThat(Invariants.tempFiles(this.work)).isEmpty();
		Invariants.manifestHolds(this.root, "after the failed build");

		Cli.run(this.work, "build", "--root", "site").exits(0);
		Cli.run(this.work, "check", "--root", "site").exits(0);
		assertThat(ManifestStore.read(this.manifest).assets()).containsKey(AssetPath.of("media/big.bin"));
	}

	/** The same when the manifest itself is what cannot be written. */
	@Test
	@EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "bash and ulimit")
	void aManifestThatCannotBeWrittenFailsTheBuildAndThePreviousManifestStays() throws IOException {
		Map<String, byte[]> many = new TreeMap<>();
		for (int i = 0; i < 1100; i++) {
			many.put("img/many/a-rather-long-file-name-for-a-bigger-manifest-" + i + ".png", utf8("image " + i));
		}
		Trees.write(this.root, many);
		byte[] manifestBytes = Files.readAllBytes(this.manifest);

		Cli.Run build = withFileSizeLimit("build", "--root", "site");

		assertThat(build.exitCode()).as("exit code; stderr: %s", build.err()).isEqualTo(1);
		assertThat(build.out()).isEmpty();
		assertThat(build.errLines()).singleElement().asString()
			.startsWith("assetbust: Cannot write manifest " + this.manifest + ": ")
			.contains("File too large")
			.endsWith("; the previous manifest is still in place");
		assertThat(Files.readAllBytes(this.manifest)).as("the manifest's bytes").isEqualTo(manifestBytes);
		assertThat(Invariants.tempFiles(this.work)).isEmpty();
		Invariants.manifestHolds(this.root, "after the failed build");
		Invariants.originalsIntact(this.root, this.originals, "after the failed build");
		Invariants.originalsIntact(this.root, many, "after the failed build");
		Map<String, String> now = snapshot(this.root);
		assertThat(now.entrySet().stream().filter((file) -> this.good.containsKey(file.getKey())))
			.as("the previous build's files").containsExactlyInAnyOrderElementsOf(this.good.entrySet());

		Cli.run(this.work, "build", "--root", "site").exits(0);
		Cli.run(this.work, "check", "--root", "site").exits(0);
	}

	/**
	 * Runs the CLI under {@code ulimit -f 200}: no file it writes may grow past 200 KiB, and a write
	 * past that fails with EFBIG (the JVM ignores SIGXFSZ, which would otherwise kill it).
	 */
	private Cli.Run withFileSizeLimit(String... args) {
		List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 200 && exec \"$0\" \"$@\""));
		command.addAll(Cli.command(args));
		return Cli.start(this.work, command).finish(Duration.ofSeconds(60));
	}

	// --- helpers --------------------------------------------------------------------------------

	/**
	 * Every regular file under {@code folder} (links are not followed) with its md5, but the lock
	 * file (a build creates it, empty, before it finds out there is nothing it may do).
	 */
	static Map<String, String> snapshot(Path folder) {
		return Trees.list(folder)
			.entrySet()
			.stream()
			.filter((file) -> !(file.getKey().startsWith(".") && file.getKey().endsWith(".lock")))
			.collect(Collectors.toMap(Map.Entry::getKey, (file) -> Invariants.md5(file.getValue()), (a, b) -> a,
					TreeMap::new));
	}

	/** The names in {@code folder}, sorted. */
	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private static String md5(String text) throws IOException {
		Path temp = Files.createTempFile("md5", ".txt");
		try {
			Files.writeString(temp, text);
			return Invariants.md5(temp);
		}
		finally {
			Files.delete(temp);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
