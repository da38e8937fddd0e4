package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.StateFile;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * DESIGN.md invariant 3 for builds that run at once: two {@code build} processes on one root take
 * turns on the build's lock file (the second waits), both succeed, and the tree passes
 * {@code check}; a {@code clean} started while a build holds the lock waits for it, then cleans
 * what that build left.
 */
class ConcurrentBuildsIT {

	/** How many pairs of simultaneous builds run. */
	static final int PAIRS = 10;

	static final long SEED = 31337;

	/** Core's BuildLock says this, at info level, when another process holds the lock. */
	static final String WAITING = "Waiting for another process's build (lock ";

	/** Core logs at warn by default (simplelogger.properties); info shows who waited for the lock. */
	private static final List<String> INFO = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");

	private static final String[] BUILD = { "build", "--root", "site", "--keep", "1", "--max-age", "0" };

	private static final String[] CHECK = { "check", "--root", "site" };

	@TempDir
	Path work;

	@Test
	void simultaneousBuildsOfOneRootTakeTurnsAndBothSucceed() {
		Random random = new Random(SEED);
		Path root = this.work.resolve("site");
		Map<String, byte[]> originals = new TreeMap<>(Trees.siteWithMedia(SEED, 4, 8, 256 * 1024));
		Trees.write(root, originals);

		int waited = 0;
		for (int pair = 0; pair < PAIRS; pair++) {
			if (pair > 0) {
				Trees.change(root, originals, random, 20);
			}
			Cli.Started one = Cli.start(this.work, Cli.command(INFO, BUILD));
			Cli.Started two = Cli.start(this.work, Cli.command(INFO, BUILD));
			Cli.Run first = one.finish(Duration.ofSeconds(120)).exits(0);
			Cli.Run second = two.finish(Duration.ofSeconds(120)).exits(0);

			String when = "pair " + pair;
			// whichever got the lock second started after the other had finished: it found every copy in place
			assertThat(List.of(first.out(), second.out())).as("%s: %s / %s", when, first.out(), second.out())
				.filteredOn((out) -> out.contains(" (0 copies written, "))
				.hasSize(1);
			if (first.err().contains(WAITING) || second.err().contains(WAITING)) {
				waited++;
			}
			assertThat(Invariants.tempFiles(this.work)).as("%s: temporary files", when).isEmpty();
			Cli.run(this.work, CHECK).exits(0);
			Invariants.manifestHolds(root, when);
			Invariants.originalsIntact(root, originals, when);
		}
		System.out.printf("ConcurrentBuildsIT: %d pairs of simultaneous builds, all exited 0 and passed check; in %d "
				+ "of them one build logged that it waited for the other's lock%n", PAIRS, waited);
		assertThat(waited).as("pairs in which one build waited for the other").isPositive();
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the lock's owner from /proc/locks")
	void aCleanStartedWhileABuildHoldsTheLockWaitsForItThenSucceeds() throws IOException {
		Random random = new Random(SEED + 1);
		Path root = this.work.resolve("site");
		Map<String, byte[]> originals = new TreeMap<>(Trees.siteWithMedia(SEED + 1, 2, 64, 1536 * 1024));
		Trees.write(root, originals);
		Cli.run(this.work, "build", "--root", "site").exits(0);
		Manifest previous = Invariants.manifestHolds(root, "the first build");
		// every binary changes, so the next build has tens of megabytes to hash and write
		for (String path : originals.keySet()) {
			if (path.startsWith("media/")) {
				byte[] content = new byte[originals.get(path).length + 1];
				random.nextBytes(content);
				originals.put(path, content);
				Files.write(root.resolve(path), content);
			}
		}

		Cli.Started build = Cli.start(this.work, Cli.command("build", "--root", "site"));
		awaitLockHeldBy(build, BuildOptions.forRoot(root.toAbsolutePath()).stateFile(StateFile.LOCK));
		Cli.Started clean = Cli.start(this.work,
				Cli.command(INFO, "clean", "--root", "site", "--keep", "0", "--max-age", "0"));
		long buildExit = exitTime(build);
		build.finish(Duration.ofSeconds(60)).exits(0);
		Cli.Run cleaned = clean.finish(Duration.ofSeconds(60)).exits(0);

		assertThat(cleaned.errLines()).as("the clean's log").anySatisfy((line) -> assertThat(line).contains(WAITING));
		Manifest current = Invariants.manifestHolds(root, "after the build and the clean");
		// the clean saw the build's manifest: it removed exactly the copies only the first build's manifest named
		Set<AssetPath> stale = new HashSet<>(previous.hashedPaths());
		stale.removeAll(current.hashedPaths());
		assertThat(stale).as("copies of the binaries the build replaced").hasSize(64);
		assertThat(cleaned.outLines()).singleElement().asString().startsWith(stale.size() + " stale copies removed (");
		for (AssetPath path : stale) {
			assertThat(root.resolve(path.toString())).doesNotExist();
		}
		for (ManifestEntry entry : current.assets().values()) {
			assertThat(root.resolve(entry.path().toString())).isRegularFile();
		}
		assertThat(Invariants.tempFiles(this.work)).isEmpty();
		Invariants.originalsIntact(root, originals, "after the build and the clean");
		Cli.run(this.work, CHECK).exits(0);
		System.out.printf("ConcurrentBuildsIT: a clean started while a build held the lock waited %d ms for it, then "
				+ "removed the %d copies the build had made stale%n",
				TimeUnit.NANOSECONDS.toMillis(buildExit - clean.startedNanos()), stale.size());
	}

	/** Waits until the build process holds a POSIX lock on {@code lockFile}, as /proc/locks tells. */
	private static void awaitLockHeldBy(Cli.Started build, Path lockFile) throws IOException {
		long pid = build.process().pid();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (!build.process().isAlive()) {
				Cli.Run run = build.finish(Duration.ofSeconds(1));
				fail("The build ended before it was seen holding the lock: %s%n%s", run.out(), run.err());
			}
			if (Files.exists(lockFile)) {
				String inode = ":" + Files.getAttribute(lockFile, "unix:ino") + " ";
				for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
					String[] fields = line.trim().split("\\s+");
					// 1: POSIX  ADVISORY  WRITE 12345 fd:00:1234567 0 EOF
					if (fields.length >= 6 && fields[1].equals("POSIX") && fields[4].equals(Long.toString(pid))
							&& (fields[5] + " ").endsWith(inode)) {
						return;
					}
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		fail("The build did not take the lock %s within 30 s", lockFile);
	}

	/** Waits for {@code process} to exit and tells when it did (as System.nanoTime() tells time). */
	private static long exitTime(Cli.Started process) {
		try {
			if (!process.process().waitFor(120, TimeUnit.SECONDS)) {
				fail("%s did not end within 120 s", process.args());
			}
			return System.nanoTime();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
