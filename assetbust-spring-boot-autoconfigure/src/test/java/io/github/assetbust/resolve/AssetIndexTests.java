package io.github.assetbust.resolve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index of a manifest large enough for its tables to span many slots and cards. */
class AssetIndexTests {

	private static final int ENTRIES = 20_000;

	private static Manifest manifest() {
		Map<AssetPath, ManifestEntry> assets = new LinkedHashMap<>();
		for (int i = 0; i < ENTRIES; i++) {
			String original = (i % 2 == 0) ? "css/a" + i + ".css" : "img/b" + i + ".png";
			assets.put(AssetPath.of(original), entry(original.replace(".", "-" + i + ".")));
		}
		// an exact key that a bare name would also spell: the exact key wins
		assets.put(AssetPath.of("a0.css"), entry("root-a0.css"));
		assets.put(AssetPath.of("my file.css"), entry("my file-1.css"));
		return new Manifest(null, null, assets);
	}

	private static ManifestEntry entry(String path) {
		return new ManifestEntry(AssetPath.of(path), null, -1);
	}

	@Test
	void findsEverySpellingOfEveryEntry() {
		AssetIndex index = AssetIndex.of(manifest(), Set.of(AssetPath.of("css/old-1.css")));
		for (int i = 0; i < ENTRIES; i++) {
			String original = (i % 2 == 0) ? "css/a" + i + ".css" : "img/b" + i + ".png";
			String url = "/" + original.replace(".", "-" + i + ".");
			assertThat(index.find(original).urlPath()).isEqualTo(url);
			assertThat(index.find("/" + original).urlPath()).isEqualTo(url);
			assertThat(index.findLinked("/" + original).urlPath()).isEqualTo(url);
			assertThat(index.isHashed(url.substring(1))).isTrue();
			if (i % 2 == 0 && i != 0) {
				assertThat(index.find("a" + i + ".css").urlPath()).isEqualTo(url);
				assertThat(index.find("/a" + i + ".css").urlPath()).isEqualTo(url);
				assertThat(index.findLinked("/a" + i + ".css")).as("a guess is not a link").isNull();
			}
		}
		assertThat(index.find("a0.css").urlPath()).isEqualTo("/root-a0.css");
		assertThat(index.findLinked("/a0.css").urlPath()).isEqualTo("/root-a0.css");
		assertThat(index.find("my file.css").urlPath()).isEqualTo("/my%20file-1.css");
		assertThat(index.isHashed("css/old-1.css")).isTrue();
		assertThat(index.isHashed("css/a0.css")).isFalse();
		assertThat(index.find("b1.png")).as("no folder named after the extension").isNull();
		assertThat(index.size()).isEqualTo(ENTRIES + 2);
	}

}
