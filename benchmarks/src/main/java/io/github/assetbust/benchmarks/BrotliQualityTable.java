package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.path.AssetPath;

/**
 * What each Brotli quality costs and gives on real trees: the bytes of every compressible file's
 * {@code .br} variant and the time to write them, on one thread, beside gzip at level 9, the size
 * of the files themselves, for choosing the default of {@code --brotli-quality}.
 *
 * <p>{@code java -cp benchmarks.jar io.github.assetbust.benchmarks.BrotliQualityTable DIR...}
 */
public final class BrotliQualityTable {

	private BrotliQualityTable() {
	}

	public static void main(String[] args) throws IOException {
		for (String dir : args) {
			Path root = Path.of(dir);
			List<Path> files = compressible(root);
			long plain = 0;
			for (Path file : files) {
				plain += Files.size(file);
			}
			System.out.printf("%s: %d compressible files, %,d bytes%n", root, files.size(), plain);
			System.out.println("| encoding | bytes | % of the files | ms on one thread |");
			System.out.println("| --- | ---: | ---: | ---: |");
			row("gzip -9", Compression.GZIP, 0, root, files, plain);
			for (int quality = 5; quality <= 11; quality++) {
				row("br q" + quality, Compression.BR, quality, root, files, plain);
			}
		}
	}

	private static void row(String name, Compression compression, int quality, Path root, List<Path> files,
			long plain) throws IOException {
		// once to warm up the encoder, once measured
		compressAll(compression, quality, root, files);
		long start = System.nanoTime();
		long bytes = compressAll(compression, quality, root, files);
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("| %s | %,d | %.1f | %,d |%n", name, bytes, 100.0 * bytes / plain, millis);
	}

	private static long compressAll(Compression compression, int quality, Path root, List<Path> files)
			throws IOException {
		long total = 0;
		for (Path file : files) {
			Counting counting = new Counting();
			try (OutputStream out = compression.compressing(counting, AssetPath.relative(root, file), Files.size(file),
					quality)) {
				Files.copy(file, out);
			}
			total += counting.count;
		}
		return total;
	}

	private static List<Path> compressible(Path root) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isRegularFile)
				.filter((file) -> Compression.appliesTo(AssetPath.relative(root, file)))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

	private static final class Counting extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

}
