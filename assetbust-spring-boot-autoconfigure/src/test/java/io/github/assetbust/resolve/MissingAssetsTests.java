package io.github.assetbust.resolve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MissingAssetsTests {

	@TempDir
	Path folder;

	private ManifestAssetResolver resolver(boolean strict) throws IOException {
		Path file = this.folder.resolve("manifest.json");
		ManifestStore.write(new Manifest(null, null, Map.of(AssetPath.of("css/main.css"),
				new ManifestEntry(AssetPath.of("css/main-5d41402abc4b2a76b9719d911017c592.css"), null, 5))), file);
		AssetManifest manifest = new AssetManifest(new FileSystemResource(file), file.toString());
		manifest.load();
		return new ManifestAssetResolver(manifest, "", () -> "", strict);
	}

	@Test
	void countsEveryMissAndListsEachPathOnceInTheOrderItFirstMissed() {
		MissingAssets missing = new MissingAssets();
		assertThat(missing.record("css/b.css")).isTrue();
		assertThat(missing.record("css/a.css")).isTrue();
		assertThat(missing.record("css/b.css")).isFalse();
		assertThat(missing.lookups()).isEqualTo(3);
		assertThat(missing.distinctPaths()).isEqualTo(2);
		assertThat(missing.firstPaths()).containsExactly("css/b.css", "css/a.css");
	}

	@Test
	void listsOnlyTheFirstHundredPaths() {
		MissingAssets missing = new MissingAssets();
		IntStream.range(0, 150).forEach((i) -> missing.record("img/" + i + ".png"));
		assertThat(missing.distinctPaths()).isEqualTo(150);
		assertThat(missing.firstPaths()).hasSize(MissingAssets.MAX_LISTED)
			.startsWith("img/0.png", "img/1.png")
			.endsWith("img/99.png");
	}

	@Test
	void stopsRememberingPathsAtTheBoundButKeepsCounting() {
		MissingAssets missing = new MissingAssets();
		IntStream.range(0, MissingAssets.MAX_DISTINCT + 5).forEach((i) -> missing.record("x/" + i));
		assertThat(missing.distinctPaths()).isEqualTo(MissingAssets.MAX_DISTINCT);
		assertThat(missing.lookups()).isEqualTo(MissingAssets.MAX_DISTINCT + 5);
		// past the bound a path is not remembered, so it is not reported as a first miss either
		assertThat(missing.record("x/" + (MissingAssets.MAX_DISTINCT + 1))).isFalse();
	}

	@Test
	void losesNoCountWhenThreadsMissAtOnce() throws Exception {
		MissingAssets missing = new MissingAssets();
		int threads = 8;
		int perThread = 5_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						missing.record("p/" + (i % 50));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(missing.lookups()).isEqualTo((long) threads * perThread);
		assertThat(missing.distinctPaths()).isEqualTo(50);
		assertThat(missing.firstPaths()).hasSize(50).doesNotHaveDuplicates();
	}

	@Test
	void theResolverRecordsMissesWithoutTheirQueryAndNotHits() throws IOException {
		ManifestAssetResolver resolver = resolver(false);
		resolver.url("css/main.css");
		resolver.url("main.css");
		resolver.url("css/gone.css?v=2");
		resolver.url("css/gone.css");
		resolver.integrity("js/gone.js");
		MissingAssets missing = resolver.missingAssets();
		assertThat(missing.lookups()).isEqualTo(3);
		assertThat(missing.firstPaths()).containsExactly("css/gone.css", "js/gone.js");
	}

	@Test
	void aStrictMissIsRecordedBeforeItThrows() throws IOException {
		ManifestAssetResolver resolver = resolver(true);
		assertThatExceptionOfType(AssetNotFoundException.class).isThrownBy(() -> resolver.url("css/gone.css"));
		assertThat(resolver.missingAssets().firstPaths()).containsExactly("css/gone.css");
	}

}
