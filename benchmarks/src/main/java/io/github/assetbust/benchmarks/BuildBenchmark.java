package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
/**
 * Build times as ratios against a baseline measured in the same run, since these machines are
 * noisy: a full build against the floor (digest every file and copy it, nothing else, on the same
 * number of threads, by this same harness), and a no-change rebuild against a full build. Each
 * measurement works on a fresh copy of the generated tree and is repeated; medians are reported.
 *
 * <p>{@code java BuildBenchmark WORKDIR [FILES] [MEGABYTES] [ROUNDS]}
 */
public final class BuildBenchmark {

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]);
		int files = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		long megabytes = (args.length > 2) ? Long.parseLong(args[2]) : 200;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		int threads = Runtime.getRuntime().availableProcessors();
		Path source = work.resolve("source");
		deleteTree(work);
		long bytes = new TreeGenerator(42, files, megabytes * 1024 * 1024).writeTo(source);
		System.out.printf("tree: %d files, %,d bytes; %d threads; %d rounds%n", files, bytes, threads, rounds);

		long[] floor = new long[rounds];
		long[] full = new long[rounds];
		long[] rebuild = new long[rounds];
		for (int round = 0; round < rounds; round++) {
			Path copy = freshCopy(source, work.resolve("floor"));
			floor[round] = timed(() -> digestAndCopy(copy, threads));
			Path tree = freshCopy(source, work.resolve("build"));
			full[round] = timed(() -> new AssetBuilder(BuildOptions.forRoot(tree)).build());
			rebuild[round] = timed(() -> new AssetBuilder(BuildOptions.forRoot(tree)).build());
			System.out.printf("round %d: floor %d ms, full build %d ms, no-change rebuild %d ms%n", round + 1,
					floor[round], full[round], rebuild[round]);
		}
		long floorMedian = median(floor);
		long fullMedian = median(full);
		long rebuildMedian = median(rebuild);
		System.out.printf("| full build / floor | %d ms / %d ms | %.2fx | goal <= 1.5x |%n", fullMedian, floorMedian,
				(double) fullMedian / floorMedian);
		System.out.printf("| no-change rebuild / full build | %d ms / %d ms | %.1f%% | goal < 5%% |%n", rebuildMedian,
				fullMedian, 100.0 * rebuildMedian / fullMedian);
		deleteTree(work);
	}

	/** The floor: md5 of every file streamed into a copy beside it, on {@code threads} threads. */
	static void digestAndCopy(Path root, int threads) throws Exception {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Path file : files) {
				done.add(executor.submit(() -> {
					copyWithDigest(file, file.resolveSibling(file.getFileName() + ".copy"));
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static byte[] copyWithDigest(Path file, Path target) throws IOException, NoSuchAlgorithmException {
		MessageDigest md5 = MessageDigest.getInstance("MD5");
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				md5.update(buffer, 0, read);
				out.write(buffer, 0, read);
			}
		}
		return md5.digest();
	}

	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	private static long timed(Work work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static Path freshCopy(Path source, Path target) throws IOException, InterruptedException {
		deleteTree(target);
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path path : walk.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
		new ProcessBuilder("sync").inheritIO().start().waitFor();
		return target;
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
