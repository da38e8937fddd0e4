package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetBuilderTests {

	private static final String MAIN_CSS = "body { color: #333; }\n";

	private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

	@TempDir
	Path temp;

	Path root;

	Path outside;

	@BeforeEach
	void createRootAndAFolderOutsideIt() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root"));
		this.outside = Files.createDirectory(this.temp.resolve("outside"));
	}

	private BuildResult build() {
		return build(BuildOptions.forRoot(this.root));
	}

	private static BuildResult build(BuildOptions options) {
		return new AssetBuilder(options).build();
	}

	private static String md5(String content) {
		return TestFiles.md5(content.getBytes(StandardCharsets.UTF_8));
	}

	private Path manifestFile() {
		return this.root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME);
	}

	private static Map<String, String> paths(Manifest manifest) {
		Map<String, String> paths = new java.util.TreeMap<>();
		manifest.assets().forEach((key, entry) -> paths.put(key.toString(), entry.path().toString()));
		return paths;
	}

	/** Invariant 1: every entry's file exists and the digest in its name is the md5 of its bytes. */
	private void assertEveryEntryMatchesItsName(Manifest manifest) throws IOException {
		HashedName names = new HashedName(32);
		for (Map.Entry<AssetPath, ManifestEntry> asset : manifest.assets().entrySet()) {
			Path hashed = asset.getValue().path().resolveAgainst(this.root);
			assertThat(hashed).isRegularFile();
			HashedName.Parsed parsed = names.parse(asset.getValue().path()).orElseThrow();
			assertThat(parsed.original()).isEqualTo(asset.getKey());
			assertThat(TestFiles.md5(hashed)).isEqualTo(parsed.digest());
		}
	}

	// hashing

	@Test
	void writesTheHashedCopyBesideTheOriginal() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Manifest manifest = build().manifest();
		assertThat(paths(manifest)).containsExactly(Map.entry("css/main.css", "css/main-" + md5(MAIN_CSS) + ".css"));
		assertThat(this.root.resolve("css/main-" + md5(MAIN_CSS) + ".css")).hasContent(MAIN_CSS);
	}

	@Test
	void namesEveryHashedCopyAfterTheMd5OfItsOwnBytes() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "js/app.js", "console.log(1);");
		TestFiles.write(this.root, "img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 });
		assertEveryEntryMatchesItsName(build().manifest());
	}

	@Test
	void putsTheDigestBeforeTheLastExtension() throws IOException {
		TestFiles.write(this.root, "js/app.min.js", "x");
		assertThat(paths(build().manifest())).containsEntry("js/app.min.js", "js/app.min-" + md5("x") + ".js");
	}

	@Test
	void appendsTheDigestToANameWithoutExtension() throws IOException {
		TestFiles.write(this.root, "LICENSE", "MIT");
		assertThat(paths(build().manifest())).containsEntry("LICENSE", "LICENSE-" + md5("MIT"));
		assertThat(this.root.resolve("LICENSE-" + md5("MIT"))).hasContent("MIT");
	}

	@Test
	void hashesAnEmptyFile() throws IOException {
		TestFiles.write(this.root, "css/empty.css", "");
		Manifest manifest = build().manifest();
		ManifestEntry entry = manifest.assets().get(AssetPath.of("css/empty.css"));
		assertThat(entry.path()).hasToString("css/empty-d41d8cd98f00b204e9800998ecf8427e.css");
		assertThat(entry.size()).isZero();
		assertThat(this.root.resolve("css/empty-d41d8cd98f00b204e9800998ecf8427e.css")).isEmptyFile();
	}

	@Test
	void recordsTheIntegrityAndSizeOfTheHashedCopy() throws IOException {
		byte[] content = "alert('hi');\n".getBytes(StandardCharsets.UTF_8);
		TestFiles.write(this.root, "js/app.js", content);
		ManifestEntry entry = build().manifest().assets().get(AssetPath.of("js/app.js"));
		assertThat(entry.integrity()).isEqualTo(TestFiles.integrity(content));
		assertThat(entry.size()).isEqualTo(content.length);
	}

	@Test
	void recordsIntegrityOnlyForFilesBrowsersCheckItOn() throws IOException {
		TestFiles.write(this.root, "css/main.css", "body { color: red }");
		TestFiles.write(this.root, "js/module.mjs", "export {}");
		TestFiles.write(this.root, "img/logo.png", new byte[] { 1, 2, 3 });
		TestFiles.write(this.root, "fonts/a.woff2", new byte[] { 4, 5 });
		Manifest manifest = build().manifest();
		assertThat(manifest.assets().get(AssetPath.of("css/main.css")).integrity()).startsWith("sha384-");
		assertThat(manifest.assets().get(AssetPath.of("js/module.mjs")).integrity()).startsWith("sha384-");
		assertThat(manifest.assets().get(AssetPath.of("img/logo.png")).integrity()).isNull();
		assertThat(manifest.assets().get(AssetPath.of("fonts/a.woff2")).integrity()).isNull();
		// and a rebuild that reuses what the cache knows gives the same entries
		assertThat(build().manifest().assets()).isEqualTo(manifest.assets());
	}

	@Test
	void namesCopiesWithSha256WhenConfigured() throws IOException {
		byte[] content = MAIN_CSS.getBytes(StandardCharsets.UTF_8);
		TestFiles.write(this.root, "css/main.css", content);
		Manifest manifest = build(BuildOptions.forRoot(this.root).withAlgorithm(DigestAlgorithm.SHA256)).manifest();
		String sha256 = TestFiles.sha256(content);
		assertThat(manifest.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
		assertThat(paths(manifest)).containsExactly(Map.entry("css/main.css", "css/main-" + sha256 + ".css"));
		assertThat(TestFiles.sha256(Files.readAllBytes(this.root.resolve("css/main-" + sha256 + ".css"))))
			.isEqualTo(sha256);
	}

	@Test
	void namesCopiesWithAShorterDigestWhenConfigured() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Manifest manifest = build(BuildOptions.forRoot(this.root).withDigestLength(12)).manifest();
		assertThat(paths(manifest))
			.containsExactly(Map.entry("css/main.css", "css/main-" + md5(MAIN_CSS).substring(0, 12) + ".css"));
	}

	@Test
	void doesNotHashCopiesWithAShorterDigestAgainOnRebuild() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		BuildOptions options = BuildOptions.forRoot(this.root).withDigestLength(10);
		build(options);
		Files.delete(manifestFile());
		build(options);
		assertThat(TestFiles.regularFiles(this.root)).containsExactly("asset-manifest.json", "css/main-"
				+ md5(MAIN_CSS).substring(0, 10) + ".css", "css/main.css");
	}

	@Test
	void leavesTheOriginalUntouched() throws IOException {
		Path original = TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Files.setLastModifiedTime(original, LONG_AGO);
		build();
		assertThat(original).hasContent(MAIN_CSS);
		assertThat(Files.getLastModifiedTime(original)).isEqualTo(LONG_AGO);
	}

	@Test
	void writesHashedCopiesWithTheSamePermissionsAsAnOrdinaryNewFile() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Path ordinary = Files.createFile(this.root.resolve("css/ordinary.css"));
		assertThat(Files.getPosixFilePermissions(this.root.resolve("css/main-" + md5(MAIN_CSS) + ".css")))
			.isEqualTo(Files.getPosixFilePermissions(ordinary));
	}

	@Test
	void writesTheManifestWithTheSamePermissionsAsAnOrdinaryNewFile() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Path ordinary = Files.createFile(this.root.resolve("ordinary.json"));
		assertThat(Files.getPosixFilePermissions(manifestFile())).isEqualTo(Files.getPosixFilePermissions(ordinary));
	}

	// keys

	@Test
	void keepsTheFolderInManifestKeys() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		assertThat(build().manifest().assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
	}

	@Test
	void givesTheSameFileNameInTwoFoldersTwoDistinctKeys() throws IOException {
		TestFiles.write(this.root, "css/app.css", "css");
		TestFiles.write(this.root, "js/app.css", "js");
		assertThat(paths(build().manifest())).containsExactly(
				Map.entry("css/app.css", "css/app-" + md5("css") + ".css"),
				Map.entry("js/app.css", "js/app-" + md5("js") + ".css"));
	}

	@Test
	void hashesFilesInNestedFolders() throws IOException {
		TestFiles.write(this.root, "img/icons/social/x.svg", "<svg/>");
		TestFiles.write(this.root, "favicon.ico", "ico");
		assertThat(paths(build().manifest())).containsExactly(Map.entry("favicon.ico", "favicon-" + md5("ico") + ".ico"),
				Map.entry("img/icons/social/x.svg", "img/icons/social/x-" + md5("<svg/>") + ".svg"));
	}

	@Test
	void hashesNamesWithSpacesAndUnicode() throws IOException {
		TestFiles.write(this.root, "css/my file.css", "a");
		TestFiles.write(this.root, "img/ünïcødé 图.png", "b");
		build();
		assertThat(paths(ManifestStore.read(manifestFile()))).containsExactly(
				Map.entry("css/my file.css", "css/my file-" + md5("a") + ".css"),
				Map.entry("img/ünïcødé 图.png", "img/ünïcødé 图-" + md5("b") + ".png"));
		assertThat(this.root.resolve("img/ünïcødé 图-" + md5("b") + ".png")).hasContent("b");
	}

	// what is not hashed

	@Test
	void doesNotHashTheManifest() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Manifest second = build().manifest();
		assertThat(second.assets()).doesNotContainKey(AssetPath.of(BuildOptions.DEFAULT_MANIFEST_NAME));
		assertThat(TestFiles.regularFiles(this.root)).noneMatch((file) -> file.startsWith("asset-manifest-"));
	}

	@Test
	void doesNotHashTheManifestWhenTheRootIsALink() throws IOException {
		Path release = Files.createDirectory(this.outside.resolve("release-42"));
		TestFiles.write(release, "css/main.css", MAIN_CSS);
		Path current = Files.createSymbolicLink(this.temp.resolve("current"), release);
		build(BuildOptions.forRoot(current));
		Manifest second = build(BuildOptions.forRoot(current)).manifest();
		assertThat(second.assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
		assertThat(TestFiles.regularFiles(release)).containsExactly("asset-manifest.json",
				"css/main-" + md5(MAIN_CSS) + ".css", "css/main.css");
	}

	@Test
	void doesNotHashDotfilesOrSassSources() throws IOException {
		TestFiles.write(this.root, ".htaccess", "deny");
		TestFiles.write(this.root, "css/.DS_Store", "x");
		TestFiles.write(this.root, "css/main.scss", "$a: 1;");
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		assertThat(build().manifest().assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
		assertThat(TestFiles.regularFiles(this.root)).containsExactly(".htaccess", "asset-manifest.json",
				"css/.DS_Store", "css/main-" + md5(MAIN_CSS) + ".css", "css/main.css", "css/main.scss");
	}

	@Test
	void doesNotHashLeftoverTemporaryFiles() throws IOException {
		TestFiles.write(this.root, "css/.main.css.4f2a.assetbust.tmp", "half");
		TestFiles.write(this.root, ".asset-manifest.json.9c.assetbust.tmp", "{\"ver");
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		assertThat(build().manifest().assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
	}

	@Test
	void doesNotHashLeftoverTemporaryFilesWhenDotfilesAreIncluded() throws IOException {
		TestFiles.write(this.root, "css/.main.css.4f2a.assetbust.tmp", "half");
		TestFiles.write(this.root, ".asset-manifest.json.9c.assetbust.tmp", "{\"ver");
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Manifest manifest = build(BuildOptions.forRoot(this.root).withExcludes(List.of("**/*.scss"))).manifest();
		assertThat(manifest.assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
	}

	@Test
	void neverReadsThroughALinkToAFileOutsideTheRoot() throws IOException {
		Path secret = TestFiles.write(this.outside, "secret.css", "TOP SECRET");
		Files.createDirectories(this.root.resolve("css"));
		Files.createSymbolicLink(this.root.resolve("css/leak.css"), secret);
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		BuildResult result = build();
		assertThat(result.manifest().assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
		assertThat(result.skipped()).extracting((skipped) -> skipped.path().toString()).containsExactly("css/leak.css");
		for (String file : TestFiles.regularFiles(this.root)) {
			assertThat(this.root.resolve(file)).content(StandardCharsets.UTF_8).doesNotContain("TOP SECRET");
		}
	}

	// rebuilding

	@Test
	void doesNotHashHashedCopiesAgainOnRebuild() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "LICENSE", "MIT");
		build();
		build();
		assertThat(TestFiles.regularFiles(this.root)).containsExactly("LICENSE", "LICENSE-" + md5("MIT"),
				"asset-manifest.json", "css/main-" + md5(MAIN_CSS) + ".css", "css/main.css");
	}

	@Test
	void givesTheSameEntriesOnRebuild() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "js/app.js", "x");
		Manifest first = build().manifest();
		Manifest second = build().manifest();
		assertThat(second.assets()).isEqualTo(first.assets());
	}

	@Test
	void countsCopiesItWroteAndCopiesThatWereAlreadyThere() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "js/app.js", "x");
		BuildResult first = build();
		BuildResult second = build();
		assertThat(first.written()).isEqualTo(2);
		assertThat(first.bytesWritten()).isEqualTo(MAIN_CSS.length() + 1);
		assertThat(second.written()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
	}

	@Test
	void hashesAChangedOriginalUnderItsNewDigest() throws IOException {
		Path original = TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Files.writeString(original, "body { color: red; }");
		Manifest manifest = build().manifest();
		assertThat(paths(manifest))
			.containsExactly(Map.entry("css/main.css", "css/main-" + md5("body { color: red; }") + ".css"));
		assertEveryEntryMatchesItsName(manifest);
	}

	@Test
	void doesNotHashAPreviousGenerationAgainAfterTheOriginalChanged() throws IOException {
		Path original = TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Files.writeString(original, "v2");
		build();
		Files.writeString(original, "v3");
		Manifest manifest = build().manifest();
		assertThat(manifest.assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
		assertThat(TestFiles.regularFiles(this.root)).allMatch((file) -> file.chars().filter((c) -> c == '-').count() <= 1);
	}

	@Test
	void doesNotHashEarlierCopiesAgainAfterTheManifestWasDeleted() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "js/app.min.js", "x");
		Manifest first = build().manifest();
		Files.delete(manifestFile());
		Manifest second = build().manifest();
		assertThat(second.assets()).isEqualTo(first.assets());
		assertThat(TestFiles.regularFiles(this.root)).containsExactly("asset-manifest.json",
				"css/main-" + md5(MAIN_CSS) + ".css", "css/main.css", "js/app.min-" + md5("x") + ".js", "js/app.min.js");
	}

	@Test
	void refusesToReplaceAManifestItCannotRead() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		Files.writeString(manifestFile(), "{ not json");
		List<String> before = TestFiles.allRegularFiles(this.root);
		assertThatThrownBy(this::build).isInstanceOf(AssetbustException.class)
			.hasMessageStartingWith("Refusing to replace " + manifestFile() + ", which is not an assetbust manifest")
			.hasMessageContaining("move it away");
		assertThat(manifestFile()).hasContent("{ not json");
		assertThat(TestFiles.allRegularFiles(this.root)).isEqualTo(before);
	}

	@Test
	void neverOverwritesAnotherJsonFileNamedAsTheManifest() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path packageJson = TestFiles.write(this.root, "package.json", "{\"name\": \"site\", \"version\": \"1.0.0\"}");
		assertThatThrownBy(() -> build(BuildOptions.forRoot(this.root).withManifest(packageJson)))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Refusing to replace " + packageJson);
		assertThat(packageJson).hasContent("{\"name\": \"site\", \"version\": \"1.0.0\"}");
	}

	@Test
	void neverModifiesOrDeletesAFileThatOnlyLooksHashed() throws IOException {
		String fakeName = "img/logo-0123456789abcdef0123456789abcdef.png";
		byte[] fakeContent = "not really hashed".getBytes(StandardCharsets.UTF_8);
		assertThat(TestFiles.md5(fakeContent)).isNotEqualTo("0123456789abcdef0123456789abcdef");
		Path fake = TestFiles.write(this.root, fakeName, fakeContent);
		TestFiles.write(this.root, "img/logo.png", "the real logo");
		Files.setLastModifiedTime(fake, LONG_AGO);
		build();
		build();
		assertThat(Files.readAllBytes(fake)).isEqualTo(fakeContent);
		assertThat(Files.getLastModifiedTime(fake)).isEqualTo(LONG_AGO);
	}

	@Test
	void hashesAFileThatOnlyLooksHashedAsAnOrdinaryAsset() throws IOException {
		String fakeName = "img/logo-0123456789abcdef0123456789abcdef.png";
		TestFiles.write(this.root, fakeName, "not really hashed");
		TestFiles.write(this.root, "img/logo.png", "the real logo");
		build();
		Manifest manifest = build().manifest();
		assertThat(paths(manifest)).containsExactly(
				Map.entry("img/logo-0123456789abcdef0123456789abcdef.png",
						"img/logo-0123456789abcdef0123456789abcdef-" + md5("not really hashed") + ".png"),
				Map.entry("img/logo.png", "img/logo-" + md5("the real logo") + ".png"));
		assertThat(this.root.resolve("img/logo-0123456789abcdef0123456789abcdef-" + md5("not really hashed") + ".png"))
			.hasContent("not really hashed");
	}

	// the manifest

	@Test
	void writesAManifestThatReadsBackAsTheOneItReturns() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		BuildResult result = build();
		assertThat(result.manifestFile()).isEqualTo(manifestFile().toRealPath());
		assertThat(ManifestStore.read(manifestFile())).isEqualTo(result.manifest());
	}

	@Test
	void recordsTheAlgorithmAndTheBuildTimeToTheSecond() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00.789Z"), ZoneOffset.UTC);
		new AssetBuilder(BuildOptions.forRoot(this.root), clock).build();
		Manifest manifest = ManifestStore.read(manifestFile());
		assertThat(manifest.algorithm()).isEqualTo(DigestAlgorithm.MD5);
		assertThat(manifest.generated()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
	}

	@Test
	void leavesTheBuildTimeOutOfAReproducibleManifest() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build(BuildOptions.forRoot(this.root).withReproducible(true));
		assertThat(manifestFile()).content(StandardCharsets.UTF_8).doesNotContain("generated");
	}

	@Test
	void writesByteIdenticalManifestsForTheSameTreeWhenReproducible() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		TestFiles.write(this.root, "img/ünïcødé 图.png", "b");
		BuildOptions options = BuildOptions.forRoot(this.root).withReproducible(true);
		build(options);
		byte[] first = Files.readAllBytes(manifestFile());
		build(options);
		assertThat(Files.readAllBytes(manifestFile())).isEqualTo(first);
	}

	@Test
	void writesTheManifestWhereItIsToldOutsideTheRoot() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path elsewhere = this.outside.resolve("deploy/asset-manifest.json");
		build(BuildOptions.forRoot(this.root).withManifest(elsewhere));
		assertThat(paths(ManifestStore.read(elsewhere))).containsOnlyKeys("css/main.css");
		assertThat(manifestFile()).doesNotExist();
	}

	// failing builds

	@Test
	void failsNamingTheManifestWhenItCannotBeWritten() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path folder = Files.createDirectories(this.outside.resolve("asset-manifest.json"));
		assertThatThrownBy(() -> build(BuildOptions.forRoot(this.root).withManifest(folder)))
			.isInstanceOf(AssetbustException.class)
			.hasMessage("The manifest " + folder + " is a folder; point the manifest at a file. Nothing was written");
		assertThat(folder).isDirectory();
		assertThat(TestFiles.tempFiles(this.outside)).isEmpty();
	}

	@Test
	void keepsThePreviousManifestWhenABuildFails() throws IOException {
		Path original = TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		build();
		byte[] good = Files.readAllBytes(manifestFile());
		Files.writeString(original, "v2");
		Path blocked = Files.createDirectories(this.root.resolve("css/main-" + md5("v2") + ".css"));
		assertThatThrownBy(this::build).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/main-" + md5("v2") + ".css")
			.hasMessageContaining("not a regular file");
		assertThat(Files.readAllBytes(manifestFile())).isEqualTo(good);
		assertThat(blocked).isEmptyDirectory();
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
	}

	@Test
	void neverWritesAHashedCopyThroughALink() throws IOException {
		Path original = TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path victim = TestFiles.write(this.outside, "victim.txt", "keep me");
		Files.createSymbolicLink(this.root.resolve("css/main-" + md5(MAIN_CSS) + ".css"), victim);
		assertThatThrownBy(this::build).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/main-" + md5(MAIN_CSS) + ".css");
		assertThat(victim).hasContent("keep me");
		assertThat(original).hasContent(MAIN_CSS);
	}

	@Test
	void failsNamingARootThatDoesNotExist() {
		Path missing = this.temp.resolve("no-such-root");
		assertThatThrownBy(() -> build(BuildOptions.forRoot(missing))).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(missing.toString());
	}


	@Test
	void refusesAnExistingHashedNameWhoseContentDoesNotMatch() throws IOException {
		TestFiles.write(this.root, "css/main.css", "body{}");
		Path impostor = TestFiles.write(this.root, "css/main-" + md5("body{}") + ".css", "truncated");
		Path manifest = TestFiles.write(this.root, "asset-manifest.json", "{\"version\": 1, \"assets\": {}}");
		assertThatThrownBy(this::build).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/main-" + md5("body{}") + ".css exists with 9 bytes instead of 6");
		assertThat(impostor).hasContent("truncated");
		assertThat(manifest).hasContent("{\"version\": 1, \"assets\": {}}");
	}
	@Test
	void skipsAFileWhoseHashedNameWouldBeTooLongAndBuildsTheRest() throws IOException {
		String longName = "x".repeat(230) + ".css";
		TestFiles.write(this.root, "css/" + longName, "a{}");
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		BuildResult result = build();
		assertThat(result.manifest().assets()).containsOnlyKeys(AssetPath.of("css/main.css"));
		assertThat(result.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.path()).isEqualTo("css/" + longName);
			assertThat(skipped.reason()).isEqualTo(
					"its hashed name would be 267 bytes long, more than the 255 file systems allow; shorten the name");
		});
	}

}
