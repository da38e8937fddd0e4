package io.github.assetbust.core.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SortedAssetsTests {

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	private static ManifestEntry entry(String path) {
		return new ManifestEntry(path(path), null, -1);
	}

	private static Map<AssetPath, ManifestEntry> unordered() {
		Map<AssetPath, ManifestEntry> assets = new HashMap<>();
		for (String name : List.of("js/app.js", "css/main.css", "img/a.png", "css/a.css", "LICENSE")) {
			assets.put(path(name), entry("x/" + name));
		}
		return assets;
	}

	@Test
	void isTheSameMapAsATreeMapOfItsEntries() {
		Map<AssetPath, ManifestEntry> assets = SortedAssets.of(unordered());
		TreeMap<AssetPath, ManifestEntry> tree = new TreeMap<>(unordered());
		assertThat(assets).isEqualTo(tree).hasSameHashCodeAs(tree).hasToString(tree.toString());
		assertThat(assets.keySet()).containsExactlyElementsOf(tree.keySet());
		assertThat(assets.get(path("css/a.css"))).isEqualTo(entry("x/css/a.css"));
		assertThat(assets.get(path("css/b.css"))).isNull();
		assertThat(assets.get("css/a.css")).as("a key that is not an AssetPath").isNull();
		assertThat(assets.containsKey(path("LICENSE"))).isTrue();
	}

	@Test
	void answersRangesAsATreeMapDoes() {
		SortedAssets assets = SortedAssets.of(unordered());
		TreeMap<AssetPath, ManifestEntry> tree = new TreeMap<>(unordered());
		assertThat(assets.firstKey()).isEqualTo(tree.firstKey());
		assertThat(assets.lastKey()).isEqualTo(tree.lastKey());
		assertThat(assets.headMap(path("css/main.css"))).isEqualTo(tree.headMap(path("css/main.css")));
		assertThat(assets.tailMap(path("css/b.css"))).isEqualTo(tree.tailMap(path("css/b.css")));
		assertThat(assets.subMap(path("css"), path("img"))).isEqualTo(tree.subMap(path("css"), path("img")))
			.hasSize(2);
		assertThat(assets.subMap(path("css"), path("img")).get(path("js/app.js"))).isNull();
	}

	@Test
	void cannotBeChanged() {
		Map<AssetPath, ManifestEntry> assets = SortedAssets.of(unordered());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> assets.put(path("a.css"), entry("a-1.css")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> assets.remove(path("LICENSE")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(assets::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> assets.entrySet().iterator().next().setValue(entry("b")));
	}

	@Test
	void aBuilderTakesEntriesInOrderOrNot() {
		SortedAssets.Builder builder = new SortedAssets.Builder();
		for (int i = 0; i < 100; i++) {
			assertThat(builder.add(path(String.format("a/%03d.css", i)), entry("x" + i))).isTrue();
		}
		assertThat(builder.add(path("a/050.css"), entry("again"))).as("a path it has, in order").isFalse();
		assertThat(builder.add(path("a/099.css"), entry("again"))).as("the last path again").isFalse();
		assertThat(builder.add(path("0.css"), entry("first"))).as("a path out of order").isTrue();
		assertThat(builder.add(path("a/050.css"), entry("again"))).as("a path it has, out of order").isFalse();
		SortedAssets assets = builder.build();
		assertThat(assets).hasSize(101);
		assertThat(assets.firstKey()).isEqualTo(path("0.css"));
		assertThat(assets.get(path("a/050.css"))).isEqualTo(entry("x50"));
		assertThat(new SortedAssets.Builder().build()).isEmpty();
	}

	@Test
	void aManifestKeepsTheSortedAssetsItIsGiven() {
		SortedAssets assets = SortedAssets.of(unordered());
		assertThat(new Manifest(null, null, assets).assets()).isSameAs(assets);
		assertThat(new Manifest(null, null, unordered()).assets()).isInstanceOf(SortedAssets.class)
			.isEqualTo(assets);
	}

}
