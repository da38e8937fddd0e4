package io.github.assetbust.core.manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestStoreTests {

	private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	@TempDir
	Path folder;

	private static ManifestEntry entry(String path, String integrity, long size) {
		return new ManifestEntry(AssetPath.of(path), integrity, size);
	}

	private static Manifest sample(Instant generated) {
		Map<AssetPath, ManifestEntry> assets = new LinkedHashMap<>();
		assets.put(AssetPath.of("js/app.min.js"), entry("js/app.min-" + MD5 + ".js", "sha384-abc", 42));
		assets.put(AssetPath.of("css/main.css"), entry("css/main-" + MD5 + ".css", "sha384-def", 1234));
		assets.put(AssetPath.of("img/ünïcødé 图.png"), entry("img/ünïcødé 图-" + MD5 + ".png", "sha384-ghi", 0));
		return new Manifest(DigestAlgorithm.MD5, generated, assets);
	}

	private Path manifestFile(String json) throws IOException {
		return TestFiles.write(this.folder, "asset-manifest.json", json);
	}

	private static String json(Manifest manifest) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ManifestStore.write(manifest, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Manifest manifest) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ManifestStore.write(manifest, out);
		return out.toByteArray();
	}

	private static Manifest read(byte[] json) throws IOException {
		return ManifestStore.read(new ByteArrayInputStream(json), "test");
	}

	// writing and reading back

	@Test
	void readsBackWhatItWrote() throws IOException {
		Manifest manifest = sample(Instant.parse("2026-11-25T15:00:00Z"));
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(manifest, file);
		assertThat(ManifestStore.read(file)).isEqualTo(manifest);
	}

	@Test
	void readsBackAnEntryWithoutIntegrityOrSize() throws IOException {
		Manifest manifest = new Manifest(DigestAlgorithm.SHA256, null,
				Map.of(AssetPath.of("LICENSE"), entry("LICENSE-" + MD5, null, -1)));
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(manifest, file);
		assertThat(ManifestStore.read(file)).isEqualTo(manifest);
	}

	@Test
	void writesTheDocumentedV1Layout() throws IOException {
		String json = json(sample(Instant.parse("2026-11-25T15:00:00Z")));
		assertThat(json).contains("\"version\": 1", "\"algorithm\": \"md5\"", "\"generated\": \"2026-11-25T15:00:00Z\"",
				"\"css/main.css\"", "\"path\": \"css/main-" + MD5 + ".css\"", "\"integrity\": \"sha384-def\"",
				"\"size\": 1234");
	}

	@Test
	void writesUnicodePathsAsUtf8() throws IOException {
		assertThat(json(sample(null))).contains("\"img/ünïcødé 图.png\"");
	}

	@Test
	void writesTheSameManifestAsIdenticalBytes() throws IOException {
		Path first = this.folder.resolve("first.json");
		Path second = this.folder.resolve("second.json");
		ManifestStore.write(sample(Instant.parse("2026-11-25T15:00:00Z")), first);
		ManifestStore.write(sample(Instant.parse("2026-11-25T15:00:00Z")), second);
		assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
	}

	@Test
	void writesEntriesSortedWhateverOrderTheyWereAddedIn() throws IOException {
		Map<AssetPath, ManifestEntry> reversed = new LinkedHashMap<>();
		Manifest sorted = sample(null);
		sorted.assets().keySet().stream().sorted((a, b) -> b.compareTo(a))
			.forEach((key) -> reversed.put(key, sorted.assets().get(key)));
		String json = json(new Manifest(DigestAlgorithm.MD5, null, reversed));
		assertThat(json).isEqualTo(json(sorted));
		assertThat(json.indexOf("\"css/main.css\"")).isLessThan(json.indexOf("\"img/"))
			.isLessThan(json.indexOf("\"js/app.min.js\""));
	}

	@Test
	void writesTheSameBytesAsEarlierReleases() throws IOException {
		assertThat(bytes(FormatFixtures.manifest())).isEqualTo(FormatFixtures.bytes("manifest-v1.json"));
		assertThat(bytes(FormatFixtures.reproducibleManifest()))
			.isEqualTo(FormatFixtures.bytes("manifest-v1-reproducible.json"));
		assertThat(bytes(Manifest.empty())).isEqualTo(FormatFixtures.bytes("manifest-v1-empty.json"));
	}

	@Test
	void readsWhatEarlierReleasesWrote() throws IOException {
		assertThat(read(FormatFixtures.bytes("manifest-v1.json"))).isEqualTo(FormatFixtures.manifest());
		assertThat(read(FormatFixtures.bytes("manifest-v1-reproducible.json")))
			.isEqualTo(FormatFixtures.reproducibleManifest());
		assertThat(read(FormatFixtures.bytes("manifest-v1-empty.json"))).isEqualTo(Manifest.empty());
	}

	@Test
	void leavesOutGeneratedForAReproducibleManifest() throws IOException {
		assertThat(json(sample(null))).doesNotContain("generated");
	}

	@Test
	void leavesTheCallersStreamOpen() throws IOException {
		boolean[] closed = { false };
		ByteArrayOutputStream out = new ByteArrayOutputStream() {

			@Override
			public void close() {
				closed[0] = true;
			}

		};
		ManifestStore.write(sample(null), out);
		assertThat(closed[0]).isFalse();
		assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("}\n");
	}

	@Test
	void endsTheFileWithANewline() throws IOException {
		assertThat(json(sample(null))).endsWith("}\n");
	}

	@Test
	void writesAnEmptyManifest() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(Manifest.empty(), file);
		assertThat(ManifestStore.read(file).assets()).isEmpty();
	}

	@Test
	void keepsThePreviousManifestWhenWritingTheNewOneFails() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(sample(null), file);
		byte[] before = Files.readAllBytes(file);
		Manifest broken = new Manifest(DigestAlgorithm.MD5, null,
				Map.of(AssetPath.of("css/main.css"), new ManifestEntry(null, null, -1)));
		assertThatThrownBy(() -> ManifestStore.write(broken, file)).isInstanceOf(NullPointerException.class);
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		assertThat(TestFiles.tempFiles(this.folder)).isEmpty();
	}

	// reading

	@Test
	void readsTheOriginalScriptsFlatFormat() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"main.css\": \"cache/main-" + MD5 + ".css\"}"));
		assertThat(manifest.algorithm()).isNull();
		assertThat(manifest.generated()).isNull();
		assertThat(manifest.assets())
			.containsExactly(Map.entry(AssetPath.of("main.css"), entry("cache/main-" + MD5 + ".css", null, -1)));
	}

	@Test
	void normalisesLeadingSlashesInKeysAndPaths() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile(
				"{\"version\": 1, \"assets\": {\"/css/a.css\": {\"path\": \"/css/a-" + MD5 + ".css\"}}}"));
		assertThat(manifest.assets()).containsOnlyKeys(AssetPath.of("css/a.css"));
		assertThat(manifest.assets().get(AssetPath.of("css/a.css")).path()).hasToString("css/a-" + MD5 + ".css");
	}

	@Test
	void readsAManifestWithoutAlgorithmOrGenerated() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"version\": 1, \"assets\": {}}"));
		assertThat(manifest).isEqualTo(Manifest.empty());
	}

	// telling the formats apart, whatever the order of the root's properties

	@Test
	void readsAVersionedManifestWhoseAssetsComeBeforeItsVersion() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"assets\": {\"css/a.css\": {\"path\": \"css/a-" + MD5
				+ ".css\", \"size\": 3}}, \"generated\": \"2026-11-25T15:00:00Z\", \"algorithm\": \"md5\", \"version\": 1}"));
		assertThat(manifest).isEqualTo(new Manifest(DigestAlgorithm.MD5, Instant.parse("2026-11-25T15:00:00Z"),
				Map.of(AssetPath.of("css/a.css"), entry("css/a-" + MD5 + ".css", null, 3))));
	}

	@Test
	void readsAFlatManifestWhateverTheOrderOfItsKeys() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile(
				"{\"js/app.js\": \"cache/app-1.js\", \"algorithm\": \"cache/algorithm-2\", \"css/main.css\": \"cache/main-3.css\"}"));
		assertThat(manifest.algorithm()).isNull();
		assertThat(manifest.assets()).containsExactly(Map.entry(AssetPath.of("algorithm"), entry("cache/algorithm-2", null, -1)),
				Map.entry(AssetPath.of("css/main.css"), entry("cache/main-3.css", null, -1)),
				Map.entry(AssetPath.of("js/app.js"), entry("cache/app-1.js", null, -1)));
	}

	@Test
	void ignoresPropertiesAVersionedManifestDoesNotKnowWhereverTheyAre() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"comment\": \"\", \"tool\": {\"name\": [1, {}]}, "
				+ "\"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-1.css\", \"mtime\": {\"x\": [2]}}}, \"extra\": [3]}"));
		assertThat(manifest.assets()).containsExactly(Map.entry(AssetPath.of("a.css"), entry("a-1.css", null, -1)));
	}

	@Test
	void readsNullsAsAbsentValues() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"version\": 1, \"algorithm\": null, \"generated\": null, "
				+ "\"assets\": {\"a.css\": {\"path\": \"a-1.css\", \"integrity\": null, \"size\": null}}}"));
		assertThat(manifest).isEqualTo(new Manifest(null, null, Map.of(AssetPath.of("a.css"), entry("a-1.css", null, -1))));
	}

	@Test
	void readsASizeWrittenAsAWholeDecimal() throws IOException {
		Manifest manifest = ManifestStore.read(manifestFile("{\"version\": 1, \"assets\": {"
				+ "\"a.css\": {\"path\": \"a-1.css\", \"size\": 1.0}, \"b.css\": {\"path\": \"b-1.css\", \"size\": 2e3}}}"));
		assertThat(manifest.assets().values()).extracting(ManifestEntry::size).containsExactly(1L, 2000L);
	}

	@Test
	void rejectsAnotherVersionEvenAfterAssetsItCannotRead() throws IOException {
		Path file = manifestFile("{\"assets\": {\"a.css\": 5}, \"algorithm\": \"crc32\", \"version\": 2}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("unsupported version 2")
			.hasMessageContaining("(line 1, column 59)");
	}

	@Test
	void reportsAnEntryReadBeforeTheVersionOnceTheVersionIsKnown() throws IOException {
		Path file = manifestFile("{\"assets\": {\"a.css\": 5, \"b.css\": {\"path\": \"b-1.css\"}}, \"version\": 1}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \"a.css\" must be a JSON object (line 1, column 22)");
	}

	@Test
	void reportsTheFirstProblemBeforeTheVersionRatherThanOneAfterIt() throws IOException {
		Path file = manifestFile("{\"assets\": {\"a.css\": 5}, \"algorithm\": [], \"version\": 1, \"generated\": \"yesterday\"}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \"a.css\" must be a JSON object (line 1, column 22)");
	}

	@Test
	void checksTheAlgorithmAndTimeReadBeforeTheVersion() throws IOException {
		Path algorithm = manifestFile("{\"algorithm\": \"crc32\", \"version\": 1, \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(algorithm)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("crc32")
			.hasMessageContaining("(line 1, column 15)");
		Path generated = manifestFile("{\"generated\": 5, \"version\": 1, \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(generated)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("\"generated\" must be a string");
	}

	@Test
	void aRootWithAssetsButNoVersionIsNeitherFormat() throws IOException {
		Path file = manifestFile("{\"assets\": {\"a.css\": {\"path\": \"a-1.css\"}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("\"assets\" must be a string");
	}

	@Test
	void aFlatManifestWithAVersionAfterItsEntriesIsAVersionedOne() throws IOException {
		Path file = manifestFile("{\"main.css\": \"cache/main-1.css\", \"version\": 1}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("\"assets\" must be a JSON object");
	}

	@Test
	void rejectsAnythingAfterTheRootObject() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {}}\n{}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("found an object after the end of the manifest's JSON object (line 2, column 1)");
	}

	@Test
	void leavesTheCallersInputStreamOpen() throws IOException {
		boolean[] closed = { false };
		ByteArrayInputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {

			@Override
			public void close() {
				closed[0] = true;
			}

		};
		ManifestStore.read(in, "test");
		assertThat(closed[0]).isFalse();
	}

	@Test
	void listsTheHashedPathsOfItsEntries() {
		assertThat(sample(null).hashedPaths()).extracting(AssetPath::toString)
			.containsExactlyInAnyOrder("js/app.min-" + MD5 + ".js", "css/main-" + MD5 + ".css",
					"img/ünïcødé 图-" + MD5 + ".png");
	}

	@Test
	void readsFromAStreamNamingTheLocationInErrors() {
		ByteArrayInputStream in = new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> ManifestStore.read(in, "classpath:/META-INF/assetbust/manifest.json"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("classpath:/META-INF/assetbust/manifest.json");
	}

	@Test
	void reportsAMissingFileAsNoSuchFile() {
		assertThatThrownBy(() -> ManifestStore.read(this.folder.resolve("missing.json")))
			.isInstanceOf(NoSuchFileException.class);
	}

	// rejecting what cannot be trusted

	@Test
	void rejectsMalformedJsonNamingTheFileAndTheLine() throws IOException {
		Path file = manifestFile("{\n\"version\": 1,\n\"assets\": {\"a.css\" \"a-x.css\"}\n}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("line 3");
	}

	@Test
	void rejectsATruncatedFileNamingIt() throws IOException {
		Path file = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(sample(null), file);
		byte[] whole = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("end-of-input");
	}

	@Test
	void saysWhereAnUnclosedArrayEndsWithoutJacksonsRedactedSource() throws IOException {
		Path file = manifestFile("{\"main.css\": [\"css/main.css\"");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("end-of-input")
			.hasMessageContaining("line 1")
			.hasMessageNotContaining("REDACTED")
			.hasMessageNotContaining("#UNKNOWN");
	}

	@Test
	void rejectsAnEmptyFileSayingItIsEmpty() throws IOException {
		Path file = manifestFile("");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("empty");
	}

	@Test
	void rejectsJsonThatIsNotAnObject() throws IOException {
		Path file = manifestFile("[\"css/main.css\"]");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("expected a JSON object");
	}

	@Test
	void rejectsAnotherVersionNamingIt() throws IOException {
		Path file = manifestFile("{\"version\": 2, \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("unsupported version 2");
	}

	@Test
	void rejectsAVersionThatIsNotANumber() throws IOException {
		Path file = manifestFile("{\"version\": \"1\", \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("unsupported version");
	}

	@Test
	void rejectsAssetsThatAreNotAnObject() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": [\"css/main.css\"]}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"assets\" must be a JSON object");
	}

	@Test
	void rejectsAnEntryThatIsNotAnObjectSayingWhereItIs() throws IOException {
		Path file = manifestFile("{\"version\": 1,\n\"assets\": {\"css/main.css\": \"css/main-" + MD5 + ".css\"}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("entry \"css/main.css\" must be a JSON object (line 2, column 28)");
	}

	@Test
	void rejectsAnEntryWithoutPath() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {\"css/main.css\": {\"size\": 3}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"css/main.css.path\" must be a string");
	}

	@Test
	void rejectsAFlatEntryThatIsNotAString() throws IOException {
		Path file = manifestFile("{\"main.css\": {\"path\": \"cache/main.css\"}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"main.css\" must be a string");
	}

	@Test
	void rejectsAnEntryPathThatEscapesTheRoot() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {\"css/main.css\": {\"path\": \"../x\"}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("css/main.css")
			.hasMessageContaining("'../x'")
			.hasMessageContaining("escapes the asset root");
	}

	@Test
	void rejectsAKeyThatEscapesTheRoot() throws IOException {
		Path file = manifestFile("{\"../etc/passwd\": \"cache/passwd-" + MD5 + "\"}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("escapes the asset root");
	}

	@Test
	void rejectsAFlatEntryPathThatEscapesTheRoot() throws IOException {
		Path file = manifestFile("{\"main.css\": \"cache/../../main.css\"}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("escapes the asset root");
	}

	@Test
	void rejectsTwoKeysThatNameTheSameAssetOnceNormalised() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {" + "\"css/a.css\": {\"path\": \"css/a-1.css\"}, "
				+ "\"/css/a.css\": {\"path\": \"css/a-2.css\"}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("two entries name the asset \"css/a.css\"");
	}

	@Test
	void rejectsTwoFlatKeysThatNameTheSameAssetOnceNormalised() throws IOException {
		Path file = manifestFile("{\"main.css\": \"cache/main-1.css\", \"./main.css\": \"cache/main-2.css\"}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("two entries name the asset \"main.css\"");
	}

	@Test
	void rejectsAGeneratedTimeThatIsNotAnInstant() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"generated\": \"yesterday\", \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"generated\"")
			.hasMessageContaining("yesterday");
	}

	@Test
	void rejectsAnUnknownAlgorithmNamingTheFile() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"algorithm\": \"crc32\", \"assets\": {}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("crc32");
	}

	@Test
	void rejectsAnIntegrityThatIsNotAString() throws IOException {
		Path file = manifestFile(
				"{\"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-" + MD5 + ".css\", \"integrity\": 5}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"a.css.integrity\" must be a string");
	}


	@Test
	void rejectsAnAssetNamedTwice() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-1.css\"}, "
				+ "\"a.css\": {\"path\": \"a-2.css\"}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("Duplicate")
			.hasMessageContaining("a.css");
	}

	@Test
	void rejectsASizeThatIsNotAByteCount() throws IOException {
		Path file = manifestFile("{\"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-1.css\", \"size\": \"big\"}}}");
		assertThatThrownBy(() -> ManifestStore.read(file)).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("\"a.css.size\" must be a whole number of bytes, not \"big\"");
		for (String size : new String[] { "1.5", "-1", "99999999999999999999", "1e30", "true", "[1]" }) {
			Path other = manifestFile("{\"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-1.css\", \"size\": " + size + "}}}");
			assertThatThrownBy(() -> ManifestStore.read(other)).as(size)
				.hasMessageContaining("\"a.css.size\" must be a whole number of bytes, not "
						+ (size.equals("[1]") ? "an array" : size));
		}
	}

	@Test
	void aFolderWhereTheManifestShouldBeIsNotReportedWithAMadeUpLine() throws IOException {
		Path folder = Files.createDirectory(this.folder.resolve("asset-manifest.json"));
		assertThatThrownBy(() -> ManifestStore.read(folder)).hasMessageNotContaining("line -1");
	}
}
