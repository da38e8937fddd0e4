package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.check.AssetChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds of one root take turns; leftovers of interrupted ones are cleared. */
class BuildLockTests {

	@TempDir
	Path root;

	private static Path lock(Path root) {
		return BuildOptions.forRoot(root).stateFile(StateFile.LOCK);
	}

	@Test
	void aSecondHolderWaitsUntilTheFirstLetsGo() throws Exception {
		Path real = this.root.toRealPath();
		CountDownLatch waiting = new CountDownLatch(1);
		AtomicBoolean firstReleased = new AtomicBoolean();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (BuildLock first = BuildLock.acquire(lock(real), Duration.ofSeconds(5))) {
			Future<Boolean> second = executor.submit(() -> {
				waiting.countDown();
				try (BuildLock lock = BuildLock.acquire(lock(real), Duration.ofSeconds(30))) {
					return firstReleased.get();
				}
			});
			waiting.await();
			Thread.sleep(200);
			assertThat(second.isDone()).isFalse();
			firstReleased.set(true);
			first.close();
			assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void givesUpAfterTheTimeoutNamingTheLockFile() throws Exception {
		Path real = this.root.toRealPath();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (BuildLock held = BuildLock.acquire(lock(real), Duration.ofSeconds(5))) {
			Future<?> second = executor.submit(() -> BuildLock.acquire(lock(real), Duration.ofMillis(100)));
			assertThatThrownBy(second::get).hasCauseInstanceOf(AssetbustException.class)
				.cause()
				.hasMessageContaining("Another build of the same tree held the lock " + lock(real))
				.hasMessageContaining("nothing was changed");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void concurrentBuildsOfOneRootLeaveATreeThatPassesTheCheck() throws Exception {
		for (int i = 0; i < 12; i++) {
			TestFiles.write(this.root, "img/pic" + i + ".png", new byte[] { 1, 2, 3, (byte) i });
			TestFiles.write(this.root, "css/s" + i + ".css", ".a { background: url(../img/pic" + i + ".png); }");
		}
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			for (int pair = 0; pair < 20; pair++) {
				TestFiles.write(this.root, "img/pic" + (pair % 12) + ".png", new byte[] { 9, 9, (byte) pair });
				List<Future<BuildResult>> builds = new ArrayList<>();
				for (int b = 0; b < 2; b++) {
					builds.add(executor.submit(() -> new AssetBuilder(BuildOptions.forRoot(this.root)).build()));
				}
				for (Future<BuildResult> build : builds) {
					assertThat(build.get(60, TimeUnit.SECONDS).manifest().size()).isEqualTo(24);
				}
				AssetChecker.CheckResult check = AssetChecker.check(this.root, this.root.resolve("asset-manifest.json"));
				assertThat(check.problems()).as("after pair %d", pair).isEmpty();
				assertThat(TestFiles.tempFiles(this.root)).isEmpty();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aBuildClearsTheTemporaryFilesOfAnInterruptedOneAndNothingElse() throws IOException {
		TestFiles.write(this.root, "css/main.css", "a{}");
		Path inRoot = TestFiles.write(this.root, "css/.main.css.5f3a9c.assetbust.tmp", "half a cop");
		Path besideManifest = TestFiles.write(this.root, ".asset-manifest.json.77aa.assetbust.tmp", "{\"vers");
		Path mine = TestFiles.write(this.root, "css/notes.tmp", "mine");
		Path alsoMine = TestFiles.write(this.root, "css/.keep", "mine");
		new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		assertThat(inRoot).doesNotExist();
		assertThat(besideManifest).doesNotExist();
		assertThat(mine).hasContent("mine");
		assertThat(alsoMine).hasContent("mine");
	}

	@Test
	void clearsLeftoversBesideAManifestOutsideTheRoot() throws IOException {
		TestFiles.write(this.root, "site/css/main.css", "a{}");
		Path manifest = this.root.resolve("meta/manifest.json");
		Path leftover = TestFiles.write(this.root, "meta/.manifest.json.1234.assetbust.tmp", "{");
		Path stateLeftover = TestFiles.write(this.root, "meta/..manifest.json.cache.json.99.assetbust.tmp", "{");
		new AssetBuilder(BuildOptions.forRoot(this.root.resolve("site")).withManifest(manifest)).build();
		assertThat(leftover).doesNotExist();
		assertThat(stateLeftover).doesNotExist();
		assertThat(manifest).isRegularFile();
	}

}
