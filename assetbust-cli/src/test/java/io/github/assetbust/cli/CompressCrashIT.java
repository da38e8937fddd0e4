package io.github.assetbust.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code build --compress gzip,br} killed with SIGKILL at random instants, most of them while it
 * compresses (Brotli at quality 11 is most of such a build): no file ever carries a variant's name
 * unless it decompresses to exactly its copy, the manifest holds, and the next build clears the
 * temporary files and finishes the variants.
 */
@Isolated("kill instants are drawn from the timing of a build on a machine running nothing else")
@EnabledOnOs(value = OS.LINUX, disabledReason = "SIGKILL, and the exit status 128 + 9 the JDK reports for it")
class CompressCrashIT {

	static final int KILLS = 10;

	static final long SEED = 20261126L;

	@TempDir
	Path work;

	private List<String> jvmOptions() {
		// brotli4j unpacks its native library into the temporary folder: keep a killed build's copy in ours
		return List.of("-Djava.io.tmpdir=" + this.work);
	}

	/** Brotli at its densest and slowest, so that the variants take most of a build to write. */
	private String[] build() {
		return new String[] { "build", "--root", "site", "--compress", "gzip,br", "--brotli-quality", "11", "--keep",
				"1", "--max-age", "0" };
	}

	private static String text(Random random, int kilobytes) {
		String[] words = { "color", "margin", "padding", "border", "display", "flex", "grid", "auto", "none", "solid",
				"rebeccapurple", "transparent", "inherit", "0", "1px", "2em", "100%", "center", "bold", "italic" };
		StringBuilder css = new StringBuilder();
		while (css.length() < kilobytes * 1024) {
			css.append(".c").append(random.nextInt(5000)).append(" { ");
			for (int i = 0; i < 3 + random.nextInt(4); i++) {
				css.append(words[random.nextInt(words.length)]).append(": ").append(words[random.nextInt(words.length)])
					.append("; ");
			}
			css.append("}\n");
		}
		return css.toString();
	}

	private static void change(Path root, Random random, int round) {
		Map<String, byte[]> files = new TreeMap<>();
		for (int i = 0; i < 12; i++) {
			if (round == 0 || random.nextInt(3) == 0) {
				files.put("css/sheet" + i + ".css", text(random, 60 + random.nextInt(120)).getBytes(StandardCharsets.UTF_8));
			}
		}
		Trees.write(root, files);
	}

	@Test
	void aBuildKilledWhileCompressingNeverLeavesAHalfVariantUnderItsName() {
		Random random = new Random(SEED);
		Path root = this.work.resolve("site");
		change(root, random, 0);
		Cli.start(this.work, Cli.command(jvmOptions(), build())).finish(Duration.ofMinutes(5)).exits(0);
		long total = 0;
		for (int i = 1; i <= 2; i++) {
			change(root, random, i);
			long start = System.nanoTime();
			Cli.start(this.work, Cli.command(jvmOptions(), build())).finish(Duration.ofMinutes(5)).exits(0);
			total = Math.max(total, System.nanoTime() - start);
		}

		int killed = 0;
		int whileCompressing = 0;
		List<Long> instants = new ArrayList<>();
		for (int round = 3; killed < KILLS; round++) {
			assertThat(round).as("builds that finished before the instant drawn to kill them").isLessThan(3 + 3 * KILLS);
			change(root, random, round);
			long killAt = (long) (random.nextDouble() * total);
			Cli.Started started = Cli.start(this.work, Cli.command(jvmOptions(), build()));
			while (started.age().toNanos() < killAt && started.process().isAlive()) {
				sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(killAt - started.age().toNanos()) + 1, 5));
			}
			started.process().destroyForcibly();
			Cli.Run run = started.finish(Duration.ofMinutes(5));
			String when = "round " + round + ", kill at " + TimeUnit.NANOSECONDS.toMillis(killAt) + " ms";
			if (run.exitCode() != CrashLoopIT.KILLED_BY_SIGKILL) {
				run.exits(0);
				continue;
			}
			killed++;
			instants.add(TimeUnit.NANOSECONDS.toMillis(killAt));
			assertThat(Invariants.manifestHolds(root, when)).as("%s: the manifest of the first build, or a later one", when)
				.isNotNull();
			// a kill between removing a stale copy and its variants may leave the variants alone for a while
			everyVariantDecompressesToItsCopy(root, when, true);
			if (Invariants.tempFiles(root).stream().anyMatch(CompressCrashIT::isVariantTempFile)) {
				whileCompressing++;
			}

			Cli.start(this.work, Cli.command(jvmOptions(), build())).finish(Duration.ofMinutes(5)).exits(0);
			assertThat(Invariants.tempFiles(root)).as("%s: temporary files after the next build", when).isEmpty();
			everyVariantDecompressesToItsCopy(root, when + ", then built again", false);
			Cli.run(this.work, "check", "--root", "site").exits(0);
		}
		System.out.printf("CompressCrashIT: %d builds killed, %d of them while writing variants; uninterrupted build "
				+ "%d ms; kills at %s ms%n", killed, whileCompressing, TimeUnit.NANOSECONDS.toMillis(total), instants);
		assertThat(whileCompressing).as("kills that caught a variant half-written").isPositive();
	}

	private static boolean isVariantTempFile(Path file) {
		String name = file.getFileName().toString();
		return name.contains(".css.gz.") || name.contains(".css.br.");
	}

	private static void everyVariantDecompressesToItsCopy(Path root, String when, boolean orphansAllowed) {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path variant : files.filter((file) -> file.toString().endsWith(".gz") || file.toString().endsWith(".br"))
				.toList()) {
				String name = variant.getFileName().toString();
				Path copy = variant.resolveSibling(name.substring(0, name.length() - 3));
				if (orphansAllowed && !Files.exists(copy)) {
					continue;
				}
				assertThat(decode(variant)).as("%s: %s", when, root.relativize(variant))
					.isEqualTo(Files.readAllBytes(copy));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] decode(Path variant) throws IOException {
		Brotli4jLoader.ensureAvailability();
		byte[] bytes = Files.readAllBytes(variant);
		try (InputStream in = variant.toString().endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(bytes))
				: new BrotliInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
