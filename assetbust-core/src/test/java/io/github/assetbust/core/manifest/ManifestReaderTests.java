package io.github.assetbust.core.manifest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link ManifestReader} decides on its own, beyond what {@link ManifestStoreTests} covers
 * through the store: names that can never be assets, and how it finds its way past what it
 * cannot read until a {@code "version"} tells it which format it reads.
 */
class ManifestReaderTests {

	private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	private static Manifest read(String json) throws IOException {
		return ManifestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
	}

	@Test
	void refusesAnEntryThatWouldMakeTheBuildsStateSomethingToServe() {
		assertThatThrownBy(() -> read("{\"version\": 1, \"assets\": {\"css/a.css\": "
				+ "{\"path\": \".asset-manifest.json.cache.json\"}}}"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("test.json")
			.hasMessageContaining("entry \"css/a.css\": '.asset-manifest.json.cache.json' can never be an asset: "
					+ "it is hidden (a dotfile)");
	}

	@Test
	void refusesAKeyInAHiddenFolder() {
		assertThatThrownBy(() -> read("{\"version\": 1, \"assets\": {\".git/config\": {\"path\": \"config-" + MD5
				+ "\"}}}"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \".git/config\": '.git/config' can never be an asset");
	}

	@Test
	void refusesAFlatEntryPointingAtADotfile() {
		assertThatThrownBy(() -> read("{\"main.css\": \"cache/.env\"}")).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \"main.css\": 'cache/.env' can never be an asset");
	}

	@Test
	void aDotfileAtTheTopOfAVersionedManifestIsOnlyAPropertyItIgnores() throws IOException {
		Manifest manifest = read("{\".env\": \"cache/.env\", \"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-"
				+ MD5 + ".css\"}}}");
		assertThat(manifest.assets()).containsOnlyKeys(AssetPath.of("a.css"));
	}

	@Test
	void namesAKeyHoldingALineBreakOnOneLine() {
		assertThatThrownBy(() -> read("{\"version\": 1, \"assets\": {\"a.css\\nINFO forged\": {\"path\": \"a-" + MD5
				+ ".css\"}}}"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \"a.css\\nINFO forged\"")
			.hasMessageContaining("control character")
			.hasMessageNotContaining("\n");
	}

	@Test
	void namesAFlatKeyHoldingALineBreakOnOneLine() {
		assertThatThrownBy(() -> read("{\"main.css\\r\\nINFO forged\": \"cache/main-1.css\"}"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("main.css\\r\\nINFO forged")
			.hasMessageNotContaining("\n")
			.hasMessageNotContaining("\r");
	}

	@Test
	void findsTheVersionAfterAnEntryItCouldNotReadDeepInsideAssets() {
		String assets = "\"assets\": {\"a.css\": {\"path\": 5, \"extra\": {\"deep\": [1, {\"x\": 2}]}}, "
				+ "\"b.css\": {\"path\": \"b-" + MD5 + ".css\"}}";
		assertThatThrownBy(() -> read("{" + assets + ", \"version\": 2}")).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("unsupported version 2");
		assertThatThrownBy(() -> read("{" + assets + ", \"version\": 1}")).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("\"a.css.path\" must be a string");
	}

	@Test
	void readsTheEntriesAfterAVersionThatFollowsFlatLookingStrings() throws IOException {
		Manifest manifest = read("{\"comment\": \"built by hand\", \"version\": 1, \"assets\": {\"a.css\": {\"path\": \"a-"
				+ MD5 + ".css\", \"integrity\": \"sha384-x\", \"size\": 3}}}");
		assertThat(manifest.assets())
			.containsExactly(Map.entry(AssetPath.of("a.css"), new ManifestEntry(AssetPath.of("a-" + MD5 + ".css"),
					"sha384-x", 3)));
	}

	@Test
	void aVersionWrittenAsADecimalIsNotVersionOne() {
		assertThatThrownBy(() -> read("{\"version\": 1.0, \"assets\": {}}")).isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("unsupported version 1.0");
	}

	@Test
	void aProblemQuotingANameWithALineSeparatorStaysOnOneLine() {
		String manifest = "{\"version\": 1, \"assets\": {\"css/a\u2028forged.css\": 42}}";
		assertThatThrownBy(
				() -> ManifestStore.read(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)), "test"))
			.isInstanceOf(ManifestFormatException.class)
			.hasMessageContaining("entry \"css/a\\u2028forged.css\" must be a JSON object")
			.hasMessageNotContaining("\u2028");
	}

}
