package io.github.assetbust.core.build;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.Digest;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.retention.Retention;

/**
 * What a build hashes and how. Start from {@link #forRoot(Path)} and change what differs.
 * @param root the asset root; every file the build reads or writes is under it (but the manifest)
 * @param manifest where the manifest goes; a relative path is taken from the root
 * @param includes globs of files to hash, relative to the root
 * @param excludes globs of files and folders to leave alone, relative to the root
 * @param algorithm the digest in hashed names
 * @param digestLength how many hex characters of the digest go into names
 * @param reproducible leave the {@code generated} time out, so equal input gives equal bytes
 * @param strict fail, writing nothing, if a reference points at a missing file or out of the root
 * @param threads how many files to hash at once
 * @param retention which earlier hashed copies to keep for servers still handing them out
 * @param stateDirectory where the build keeps what it remembers between runs (generations, digests),
 * or {@code null} for beside the manifest
 * @param compress the precompressed variants to write beside each hashed copy of a compressible
 * type ({@code .gz}, {@code .br}); empty for none
 * @param brotliQuality how hard Brotli works on {@code .br} variants, 0 to 11
 */
public record BuildOptions(Path root, Path manifest, List<String> includes, List<String> excludes,
		DigestAlgorithm algorithm, int digestLength, boolean reproducible, boolean strict, int threads,
		Retention retention, Path stateDirectory, Set<Compression> compress, int brotliQuality) {

	public static final String DEFAULT_MANIFEST_NAME = "asset-manifest.json";

	public static final List<String> DEFAULT_INCLUDES = List.of("**/*");

	public static final DigestAlgorithm DEFAULT_ALGORITHM = DigestAlgorithm.MD5;

	/**
	 * Brotli's quality for {@code .br} variants: the last before the time jumps. On real trees
	 * (the README's table) quality 9 takes 2.6 to 3.2 times as long for variants under 1 % smaller,
	 * and 11 about 50 times as long for variants 10 to 12 % smaller.
	 */
	public static final int DEFAULT_BROTLI_QUALITY = 8;

	public static final List<String> DEFAULT_EXCLUDES = List.of(".*", "**/.*", "**/*.scss");

	public BuildOptions {
		manifest = root.resolve(manifest).toAbsolutePath().normalize();
		includes = List.copyOf(includes);
		excludes = List.copyOf(excludes);
		compress = compress.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(compress));
		if (digestLength < 8 || digestLength > algorithm.hexLength()) {
			throw new AssetbustException("Digest length " + digestLength + " is out of range: " + algorithm.id()
					+ " names take 8 to " + algorithm.hexLength() + " hex characters");
		}
		if (threads < 1) {
			throw new AssetbustException("A build needs at least 1 thread, not " + threads);
		}
		if (brotliQuality < 0 || brotliQuality > 11) {
			throw new AssetbustException("Brotli quality " + brotliQuality + " is out of range: use 0 to 11");
		}
	}

	/**
	 * Defaults: every file but dotfiles and Sass sources, full md5, manifest in the root, one
	 * thread a core, two earlier generations and anything younger than an hour kept, no
	 * precompressed variants.
	 */
	public static BuildOptions forRoot(Path root) {
		return new BuildOptions(root, root.resolve(DEFAULT_MANIFEST_NAME), DEFAULT_INCLUDES, DEFAULT_EXCLUDES,
				DEFAULT_ALGORITHM, DEFAULT_ALGORITHM.hexLength(), false, false,
				Runtime.getRuntime().availableProcessors(), Retention.DEFAULT, null, Set.of(), DEFAULT_BROTLI_QUALITY);
	}

	public BuildOptions withManifest(Path manifest) {
		return with((options) -> options.manifest = manifest);
	}

	/** Hashes the files these globs match; none given (an empty list) means every file. */
	public BuildOptions withIncludes(List<String> includes) {
		return with((options) -> options.includes = includes.isEmpty() ? DEFAULT_INCLUDES : includes);
	}

	/** Leaves the files and folders these globs match alone; an empty list leaves nothing out. */
	public BuildOptions withExcludes(List<String> excludes) {
		return with((options) -> options.excludes = excludes);
	}

	/** Switches the digest, using its full length in names. */
	public BuildOptions withAlgorithm(DigestAlgorithm algorithm) {
		return with((options) -> {
			options.algorithm = algorithm;
			options.digestLength = algorithm.hexLength();
		});
	}

	public BuildOptions withDigestLength(int digestLength) {
		return with((options) -> options.digestLength = digestLength);
	}

	public BuildOptions withReproducible(boolean reproducible) {
		return with((options) -> options.reproducible = reproducible);
	}

	public BuildOptions withStrict(boolean strict) {
		return with((options) -> options.strict = strict);
	}

	public BuildOptions withThreads(int threads) {
		return with((options) -> options.threads = threads);
	}

	public BuildOptions withRetention(Retention retention) {
		return with((options) -> options.retention = retention);
	}

	public BuildOptions withStateDirectory(Path stateDirectory) {
		return with((options) -> options.stateDirectory = stateDirectory);
	}

	/** Writes these precompressed variants beside each compressible hashed copy; none if empty. */
	public BuildOptions withCompress(Set<Compression> compress) {
		return with((options) -> options.compress = compress);
	}

	/** Brotli's quality for {@code .br} variants written from now on, 0 (fastest) to 11 (densest). */
	public BuildOptions withBrotliQuality(int brotliQuality) {
		return with((options) -> options.brotliQuality = brotliQuality);
	}

	/** Where the build keeps {@code file}: beside the manifest, or in the state directory. */
	public Path stateFile(StateFile file) {
		return (this.stateDirectory != null) ? file.in(this.stateDirectory, this.manifest) : file.beside(this.manifest);
	}

	private BuildOptions with(Consumer<Fields> change) {
		Fields fields = new Fields(this);
		change.accept(fields);
		return new BuildOptions(fields.root, fields.manifest, fields.includes, fields.excludes, fields.algorithm,
				fields.digestLength, fields.reproducible, fields.strict, fields.threads, fields.retention,
				fields.stateDirectory, fields.compress, fields.brotliQuality);
	}

	private static final class Fields {

		Path root;

		Path manifest;

		List<String> includes;

		List<String> excludes;

		DigestAlgorithm algorithm;

		int digestLength;

		boolean reproducible;

		boolean strict;

		int threads;

		Retention retention;

		Path stateDirectory;

		Set<Compression> compress;

		int brotliQuality;

		Fields(BuildOptions options) {
			this.root = options.root;
			this.manifest = options.manifest;
			this.includes = options.includes;
			this.excludes = options.excludes;
			this.algorithm = options.algorithm;
			this.digestLength = options.digestLength;
			this.reproducible = options.reproducible;
			this.strict = options.strict;
			this.threads = options.threads;
			this.retention = options.retention;
			this.stateDirectory = options.stateDirectory;
			this.compress = options.compress;
			this.brotliQuality = options.brotliQuality;
		}

	}

}
