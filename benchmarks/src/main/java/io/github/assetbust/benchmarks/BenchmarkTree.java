package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
/**
 * The asset tree the lookup, manifest and rendering benchmarks share: {@link TreeGenerator}'s
 * 4,000 files (8 MB, so that a fork's setup takes seconds, not minutes) plus {@code css/main.css}, so
 * that the bare name {@code main.css} has an entry, all hashed by core's {@link AssetBuilder} into a
 * manifest of 4,001 entries in a temporary folder.
 */
public final class BenchmarkTree implements AutoCloseable {

	/** How many files {@link TreeGenerator} writes. */
	public static final int FILES = 4000;

	/** How many bytes they hold together. */
	public static final long BYTES = 8L * 1024 * 1024;

	/** A stylesheet that {@link TreeGenerator} always writes. */
	public static final String HIT = "css/area3/style33.css";

	/** The one stylesheet added beside the generated tree, so that {@code main.css} resolves. */
	public static final String MAIN = "css/main.css";

	private final Path root;

	private final Path manifestFile;

	private final int entries;

	private BenchmarkTree(Path root, Path manifestFile, int entries) {
		this.root = root;
		this.manifestFile = manifestFile;
		this.entries = entries;
	}

	/** Writes and builds a fresh tree in a new temporary folder. */
	public static BenchmarkTree create() {
		Path root = newRoot();
		BuildResult build = writeAndBuild(root);
		return new BenchmarkTree(root, build.manifestFile(), build.manifest().size());
	}

	/**
	 * Writes and builds a fresh tree in a new temporary folder, in a child JVM on this one's class
	 * path, so that this JVM loads none of the classes that build or read a manifest.
	 */
	public static BenchmarkTree createInChildProcess() {
		return createInChildProcess(0);
	}

	/**
	 * Like {@link #createInChildProcess()}, but with {@code manifestEntries} above 0, writes only
	 * a manifest of that many entries (see {@link SyntheticManifest}) instead of building a tree.
	 */
	public static BenchmarkTree createInChildProcess(int manifestEntries) {
		Path root = newRoot();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		try {
			Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					BenchmarkTree.class.getName(), root.toString(), String.valueOf(manifestEntries))
				.redirectErrorStream(true)
				.start();
			String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			int exit = child.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("Building the benchmark tree failed (exit " + exit + "):\n" + output);
			}
			// the last line is the entry count
			String[] lines = output.split("\\R");
			int entries = Integer.parseInt(lines[lines.length - 1].strip());
			return new BenchmarkTree(root, BuildOptions.forRoot(root).manifest(), entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code BenchmarkTree DIR [ENTRIES]}: writes and builds the tree in {@code DIR}, or with
	 * {@code ENTRIES} above 0 only a synthetic manifest of that many entries; prints the entry count.
	 */
	public static void main(String[] args) throws IOException {
		int entries = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		if (entries > 0) {
			SyntheticManifest.write(entries, BuildOptions.forRoot(Path.of(args[0])).manifest());
			System.out.println(entries);
		}
		else {
			System.out.println(writeAndBuild(Path.of(args[0])).manifest().size());
		}
	}

	/**
	 * A new folder under {@code -Dassetbust.bench.dir}, by default {@code /dev/shm} where it is a
	 * writable folder (a RAM disk: setting up a fork then takes seconds less on a slow disk, and none
	 * of the benchmarks reads the disk while measuring) and the temporary folder elsewhere.
	 */
	private static Path newRoot() {
		String configured = System.getProperty("assetbust.bench.dir");
		Path ramDisk = Path.of("/dev/shm");
		Path parent = (configured != null) ? Path.of(configured)
				: (Files.isDirectory(ramDisk) && Files.isWritable(ramDisk)) ? ramDisk
						: Path.of(System.getProperty("java.io.tmpdir"));
		try {
			return Files.createTempDirectory(parent, "assetbust-bench-").toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BuildResult writeAndBuild(Path root) {
		try {
			new TreeGenerator(42, FILES, BYTES).writeTo(root);
			Files.writeString(root.resolve(MAIN), "body { margin: 0; }\n", StandardCharsets.UTF_8);
			return new AssetBuilder(BuildOptions.forRoot(root).withReproducible(true)).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	public Path manifestFile() {
		return this.manifestFile;
	}

	/** How many entries the manifest has. */
	public int entries() {
		return this.entries;
	}

	/** Deletes the tree. */
	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(this.root)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
