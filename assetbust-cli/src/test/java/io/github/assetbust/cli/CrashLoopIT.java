package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.assetbust.core.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md invariant 3 under SIGKILL: a {@code build} killed at any instant leaves either the old
 * manifest or the new one, every entry of whichever is there has its file with the digest its name
 * claims, no original is touched, and the next build recovers without help.
 * <p>
 * Each round changes some files (so the build has copies to write and, with {@code --keep 1
 * --max-age 0}, stale copies to remove), starts {@code java -jar assetbust-cli.jar build} and kills
 * it with SIGKILL at an instant drawn from a seeded {@link Random}, between 0 and the measured
 * duration of an uninterrupted build of the same kind. Half of the instants are drawn over the
 * whole build. The stretch after the manifest's rename (removing stale copies, recording the
 * generation, writing the build cache, exiting) is only a few percent of a build, shorter than the
 * way one build's timing differs from the next, so a draw over the whole build almost never lands
 * there, and neither does one timed from the start: a quarter of the instants are therefore drawn
 * over the stretch just before the rename (as long as the one after it), timed from the start, and a
 * quarter over the stretch after it, timed from the moment the test sees the new manifest. The
 * durations are measured before the loop, again every tenth round, and on every build that finishes
 * before its kill instant. Isolated, because the instants mean little on a machine running other
 * tests.
 */
@Isolated("kill instants are drawn from the timing of a build on a machine running nothing else")
@EnabledOnOs(value = OS.LINUX, disabledReason = "SIGKILL, and the exit status 128 + 9 the JDK reports for it")
class CrashLoopIT {

	/** How many builds are killed. CI runs all of them. */
	static final int KILLS = 50;

	/** Builds that finish before their kill instant are not kills; this many of them fail the test. */
	static final int MAX_FINISHED = KILLS;

	static final long SEED = 20261125L;

	/** Files changed before each build, of about 200. */
	static final int CHANGES = 16;

	/**
	 * What {@link Process#exitValue()} reports for a process killed by SIGKILL (signal 9): the JDK on
	 * Linux reports a death by signal N as 128 + N. A process that handled SIGTERM and exited would
	 * report 143, one that finished 0.
	 */
	static final int KILLED_BY_SIGKILL = 128 + 9;

	private static final String[] BUILD = { "build", "--root", "site", "--keep", "1", "--max-age", "0" };

	private static final String[] CHECK = { "check", "--root", "site" };

	@TempDir
	Path work;

	@Test
	void aBuildKilledAtAnyInstantLeavesTheOldManifestOrTheNewOneWithAllItsFiles() {
		long testStart = System.nanoTime();
		Random random = new Random(SEED);
		Path root = this.work.resolve("site");
		Path manifest = root.resolve(Invariants.MANIFEST);
		Map<String, byte[]> originals = new TreeMap<>(Trees.siteWithMedia(SEED, 6, 16, 400 * 1024));
		assertThat(originals).hasSizeBetween(200, 400);
		Trees.write(root, originals);
		Cli.run(this.work, BUILD).exits(0);

		Timing timing = new Timing();
		for (int i = 0; i < 3; i++) {
			measure(timing, root, originals, random);
		}
		String measured = timing.toString();

		int killed = 0;
		int beforeReplace = 0;
		int afterReplace = 0;
		int finished = 0;
		int leftTempFiles = 0;
		int whileWritingCopies = 0;
		List<Long> instants = new ArrayList<>();
		for (int attempt = 0; killed < KILLS; attempt++) {
			assertThat(finished).as("builds that finished before the instant drawn to kill them").isLessThan(MAX_FINISHED);
			if (attempt > 0 && attempt % 10 == 0) {
				// the machine may have slowed down since: builds that finish early only tell when it sped up
				measure(timing, root, originals, random);
			}
			Trees.change(root, originals, random, CHANGES);
			byte[] manifestBefore = Invariants.bytes(manifest);
			long total = timing.total();
			long rename = timing.manifestReplaced();
			long tail = total - rename;
			Observed build = switch (attempt % 4) {
				// anywhere in the build
				case 0, 2 -> runUntil((long) (random.nextDouble() * total), -1, manifest);
				// in the stretch before the manifest's rename that is as long as the one after it
				case 1 -> runUntil(Math.max(0, rename - tail) + (long) (random.nextDouble() * Math.min(rename, tail)), -1,
						manifest);
				// in the stretch after the rename, timed from when the new manifest appears
				default -> runUntil(Long.MAX_VALUE, (long) (random.nextDouble() * tail), manifest);
			};

			Cli.Run run = build.run();
			String when = "attempt " + attempt + ", kill at " + TimeUnit.NANOSECONDS.toMillis(build.ended()) + " ms";
			boolean wasKilled = run.exitCode() == KILLED_BY_SIGKILL;
			if (!wasKilled) {
				run.exits(0);
			}
			Manifest left = Invariants.manifestHolds(root, when);
			assertThat(left).as("%s: the manifest of the first build, or a later one", when).isNotNull();
			Invariants.originalsIntact(root, originals, when);
			boolean replaced = !Arrays.equals(manifestBefore, Invariants.bytes(manifest));
			List<Path> tempFiles = Invariants.tempFiles(this.work);
			boolean tempFilesLeft = !tempFiles.isEmpty();
			if (!wasKilled) {
				// not a kill: the build finished first, and left what a finished build leaves
				assertThat(tempFilesLeft).as("%s: temporary files after a finished build", when).isFalse();
				finished++;
				timing.finished(build);
				continue;
			}
			killed++;
			instants.add(TimeUnit.NANOSECONDS.toMillis(build.ended()));
			beforeReplace += replaced ? 0 : 1;
			afterReplace += replaced ? 1 : 0;
			leftTempFiles += tempFilesLeft ? 1 : 0;
			whileWritingCopies += tempFiles.stream().anyMatch(CrashLoopIT::isCopyTempFile) ? 1 : 0;

			Cli.run(this.work, BUILD).exits(0);
			assertThat(Invariants.tempFiles(this.work)).as("%s: temporary files after the next build", when).isEmpty();
			Cli.run(this.work, CHECK).exits(0);
			Manifest recovered = Invariants.manifestHolds(root, when + ", then built again");
			Invariants.originalsIntact(root, originals, when + ", then built again");
			if (replaced) {
				assertThat(recovered.assets()).as("%s: the manifest the killed build wrote was already complete", when)
					.isEqualTo(left.assets());
			}
			else {
				assertThat(recovered.assets()).as("%s: the next build replaced the old manifest", when)
					.isNotEqualTo(left.assets());
			}
		}

		System.out.printf("CrashLoopIT: %d builds killed with SIGKILL and survived: %d before the manifest was replaced, "
				+ "%d after; %d of the kills left temporary files behind, %d of a hashed copy being written; %d builds "
				+ "finished before their kill instant. Uninterrupted builds: %s at first, %s at the end. Kills at %s ms. "
				+ "%d s in all.%n", killed, beforeReplace, afterReplace, leftTempFiles, whileWritingCopies, finished,
				measured, timing, instants, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStart));
		assertThat(beforeReplace).as("kills before the manifest was replaced").isPositive();
		assertThat(whileWritingCopies).as("kills that landed while a hashed copy was being written").isPositive();
		assertThat(afterReplace).as("kills after the manifest was replaced").isPositive();
	}

	/** The temporary file of a hashed copy, as opposed to one of the manifest or the build's state. */
	private static boolean isCopyTempFile(Path file) {
		String name = file.getFileName().toString();
		return !name.startsWith("." + Invariants.MANIFEST) && !name.startsWith(".." + Invariants.MANIFEST);
	}

	/** Changes files and times an uninterrupted build of them. */
	private void measure(Timing timing, Path root, Map<String, byte[]> originals, Random random) {
		Trees.change(root, originals, random, CHANGES);
		Observed build = runUntil(Long.MAX_VALUE, -1, root.resolve(Invariants.MANIFEST));
		build.run().exits(0);
		timing.finished(build);
	}

	/**
	 * Starts a build and kills it with SIGKILL {@code killAt} nanoseconds after its start or, if
	 * {@code afterRename} is not negative, that many nanoseconds after it renamed a new manifest into
	 * place, unless it ends first. Meanwhile watches for that rename.
	 */
	private Observed runUntil(long killAt, long afterRename, Path manifest) {
		Object before = fileKey(manifest);
		Cli.Started build = Cli.start(this.work, Cli.command(BUILD));
		// destroy() sends SIGTERM where normal termination is supported; destroyForcibly() then
		// sends SIGKILL, which no shutdown hook or finally block of the JVM outlives
		assertThat(build.process().supportsNormalTermination()).isTrue();
		long replaced = -1;
		long deadline = killAt;
		long age = build.age().toNanos();
		while (age < deadline && build.process().isAlive()) {
			if (replaced < 0 && !Objects.equals(fileKey(manifest), before)) {
				replaced = age;
				if (afterRename >= 0) {
					deadline = replaced + afterRename;
				}
			}
			LockSupport.parkNanos(Math.max(0, Math.min(deadline - age, TimeUnit.MILLISECONDS.toNanos(1))));
			age = build.age().toNanos();
		}
		if (build.process().isAlive()) {
			build.process().destroyForcibly();
		}
		Cli.Run run = build.finish(Duration.ofSeconds(60));
		if (replaced < 0 && !Objects.equals(fileKey(manifest), before)) {
			// renamed between the last look and the end
			replaced = age;
		}
		return new Observed(run, age, replaced);
	}

	private static Object fileKey(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One build run by {@link #runUntil}.
	 * @param run how it ended
	 * @param ended about when it ended or was killed, in nanoseconds after its start
	 * @param manifestReplaced about when it renamed its manifest into place, or -1 if it did not
	 */
	record Observed(Cli.Run run, long ended, long manifestReplaced) {
	}

	/**
	 * How long an uninterrupted build runs, and when it replaces its manifest: the medians of the
	 * last five observations of each.
	 */
	static final class Timing {

		private final List<Long> totals = new ArrayList<>();

		private final List<Long> replaced = new ArrayList<>();

		void finished(Observed build) {
			this.totals.add(build.ended());
			this.replaced.add((build.manifestReplaced() >= 0) ? build.manifestReplaced() : build.ended());
		}

		long total() {
			return median(this.totals);
		}

		long manifestReplaced() {
			return Math.min(median(this.replaced), total());
		}

		private static long median(List<Long> values) {
			List<Long> last = new ArrayList<>(values.subList(Math.max(0, values.size() - 5), values.size()));
			last.sort(null);
			return last.get(last.size() / 2);
		}

		@Override
		public String toString() {
			return TimeUnit.NANOSECONDS.toMillis(total()) + " ms, manifest replaced at "
					+ TimeUnit.NANOSECONDS.toMillis(manifestReplaced()) + " ms";
		}

	}

}
