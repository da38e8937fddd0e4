package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.KnownReferences;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.scan.AssetScanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AssetSelectionTests {

	private static final byte[] LOGO = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	private static final String LARGE_CSS = ".button{margin:0;padding:4px 8px;border:1px solid #ccc}\n".repeat(100);

	@TempDir
	Path temp;

	Path root;

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root")).toRealPath();
	}

	private BuildOptions options() {
		return BuildOptions.forRoot(this.root).withThreads(2);
	}

	private AssetSelection.Selection select() {
		return select(options());
	}

	private AssetSelection.Selection select(BuildOptions options) {
		AssetScanner.Scan scan = new AssetScanner(options.includes(), options.excludes()).scan(this.root);
		return new AssetSelection(options, new Digester(options.algorithm())).select(this.root, scan,
				BuildState.read(options));
	}

	private Manifest build(BuildOptions options) {
		return new AssetBuilder(options).build().manifest();
	}

	private static Set<AssetPath> paths(String... paths) {
		Set<AssetPath> set = new TreeSet<>();
		Arrays.stream(paths).map(AssetPath::of).forEach(set::add);
		return set;
	}

	@Test
	void selectsEveryScannedFileBeforeTheFirstBuildWithItsStamp() throws IOException {
		TestFiles.write(this.root, "css/main.css", "a{}");
		TestFiles.write(this.root, "img/x.png", LOGO);
		AssetSelection.Selection selection = select();
		assertThat(selection.assets()).containsExactlyElementsOf(paths("css/main.css", "img/x.png"));
		assertThat(selection.stamps()).containsOnlyKeys(selection.assets())
			.containsEntry(AssetPath.of("img/x.png"), FileStamp.of(this.root.resolve("img/x.png")));
		assertThat(selection.reusable()).isEmpty();
		assertThat(selection.skipped()).isEmpty();
	}

	@Test
	void leavesOutTheManifestTheBuildWritesInTheRoot() throws IOException {
		TestFiles.write(this.root, "css/main.css", "a{}");
		BuildOptions options = options().withManifest(this.root.resolve("meta/assets.json"));
		build(options);
		assertThat(this.root.resolve("meta/assets.json")).isRegularFile();
		assertThat(select(options).assets()).containsExactlyElementsOf(paths("css/main.css"));
	}

	@Test
	void leavesOutTheCopiesAndVariantsAnEarlierBuildWrote() throws IOException {
		TestFiles.write(this.root, "css/main.css", LARGE_CSS);
		TestFiles.write(this.root, "img/x.png", LOGO);
		BuildOptions options = options().withCompress(Set.of(Compression.GZIP));
		Manifest manifest = build(options);
		AssetPath copy = manifest.assets().get(AssetPath.of("css/main.css")).path();
		assertThat(Compression.GZIP.variantOf(copy).resolveAgainst(this.root)).isRegularFile();
		AssetSelection.Selection selection = select(options);
		assertThat(selection.assets()).containsExactlyElementsOf(paths("css/main.css", "img/x.png"));
		assertThat(selection.skipped()).isEmpty();
	}

	@Test
	void leavesOutACopyWhoseRecordsAreGoneByTheDigestInItsName() throws IOException {
		TestFiles.write(this.root, "css/main.css", LARGE_CSS);
		BuildOptions options = options().withCompress(Set.of(Compression.GZIP));
		build(options);
		try (var files = Files.list(this.root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.delete(file);
			}
		}
		assertThat(select(options).assets()).containsExactlyElementsOf(paths("css/main.css"));
	}

	@Test
	void keepsALookAlikeWhoseBytesDoNotMatchTheDigestInItsNameAsAnAsset() throws IOException {
		TestFiles.write(this.root, "css/main.css", "a{}");
		TestFiles.write(this.root, "css/main-0123456789abcdef0123456789abcdef.css", "not what the name says");
		TestFiles.write(this.root, "img/photo-0123456789abcdef0123456789abcdef.png", LOGO);
		assertThat(select().assets()).containsExactlyElementsOf(paths("css/main-0123456789abcdef0123456789abcdef.css",
				"css/main.css", "img/photo-0123456789abcdef0123456789abcdef.png"));
	}

	@Test
	void keepsAUsersArchiveBesideNoCopyItCouldBeAVariantOfAsAnAsset() throws IOException {
		TestFiles.write(this.root, "downloads/backup-20261125.tar.gz", LOGO);
		assertThat(select().assets()).containsExactlyElementsOf(paths("downloads/backup-20261125.tar.gz"));
	}

	@Test
	void aManifestEntryPointingAtAnOriginalDoesNotMakeItACopy() throws IOException {
		TestFiles.write(this.root, "css/a.css", "a{}");
		TestFiles.write(this.root, "css/b.css", "b{}");
		TestFiles.write(this.root, BuildOptions.DEFAULT_MANIFEST_NAME,
				"{\"version\": 1, \"assets\": {\"css/a.css\": {\"path\": \"css/b.css\"}}}");
		assertThat(select().assets()).containsExactlyElementsOf(paths("css/a.css", "css/b.css"));
	}

	@Test
	void skipsAFileWhoseHashedNameWouldBeTooLongSayingWhy() throws IOException {
		String name = "n".repeat(230) + ".css";
		TestFiles.write(this.root, "css/" + name, "a{}");
		TestFiles.write(this.root, "css/main.css", "a{}");
		AssetSelection.Selection selection = select();
		assertThat(selection.assets()).containsExactlyElementsOf(paths("css/main.css"));
		assertThat(selection.skipped()).containsExactly(new AssetScanner.Skipped("css/" + name,
				"its hashed name would be 267 bytes long, more than the 255 file systems allow; shorten the name"));
	}

	@Test
	void fitsTheNameToTheConfiguredDigestLength() throws IOException {
		// 234 + 1 + 8 bytes fit where 234 + 1 + 32 do not
		TestFiles.write(this.root, "css/" + "n".repeat(230) + ".css", "a{}");
		assertThat(select(options().withDigestLength(8)).assets()).hasSize(1);
	}

	@Test
	void offersWhatTheLastBuildKnewOfFilesThatAreAsTheyWereAndWhoseTargetsAreToo() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		TestFiles.write(this.root, "css/plain.css", "a { background: url(https://cdn.example.com/x.png) }");
		TestFiles.write(this.root, "css/a.css", "a { background: url(../img/x.png) }");
		Manifest manifest = build(options());
		AssetSelection.Selection selection = select();
		assertThat(selection.reusable()).containsOnlyKeys(paths("img/x.png", "css/plain.css", "css/a.css"));
		assertThat(selection.reusable().get(AssetPath.of("img/x.png")).copy())
			.isEqualTo(manifest.assets().get(AssetPath.of("img/x.png")));
		assertThat(selection.knownReferences()).isEqualTo(Map.of(AssetPath.of("img/x.png"),
				new KnownReferences(Map.of(), List.of()), AssetPath.of("css/plain.css"),
				new KnownReferences(Map.of(ReferenceOutcome.EXTERNAL, 1), List.of()), AssetPath.of("css/a.css"),
				new KnownReferences(Map.of(ReferenceOutcome.REWRITTEN, 1), List.of(AssetPath.of("img/x.png")))));
	}

	@Test
	void aStylesheetWhoseTargetChangedThroughAnyNumberOfImportsIsReadAgain() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		TestFiles.write(this.root, "css/a.css", "@import \"b.css\";");
		TestFiles.write(this.root, "css/b.css", "a { background: url(../img/x.png) }");
		TestFiles.write(this.root, "css/other.css", "a { color: red }");
		build(options());
		TestFiles.write(this.root, "img/x.png", new byte[] { 1, 2, 3 });
		assertThat(select().reusable()).containsOnlyKeys(paths("css/other.css"));
	}

	@Test
	void offersNothingForAFileThatChangedSinceTheLastBuild() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		TestFiles.write(this.root, "img/y.png", LOGO);
		build(options());
		TestFiles.write(this.root, "img/x.png", new byte[] { 1, 2, 3 });
		assertThat(select().reusable()).containsOnlyKeys(paths("img/y.png"));
	}

	@Test
	void offersNothingForAFileWhoseCopyIsGone() throws IOException {
		TestFiles.write(this.root, "img/x.png", LOGO);
		Manifest manifest = build(options());
		Files.delete(manifest.assets().get(AssetPath.of("img/x.png")).path().resolveAgainst(this.root));
		assertThat(select().reusable()).isEmpty();
	}

}
