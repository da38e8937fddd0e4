package io.github.assetbust.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build hashes and how. Start from {@link #forRoot(Path)} and change what differs.
 * @param root the asset root; every file the build reads or writes is under it (but the manifest)
 * @param manifest where the manifest goes
 * @param includes globs of files to hash, relative to the root
 * @param excludes globs of files and folders to leave alone, relative to the root
 * @param algorithm the digest in hashed names
 * @param digestLength how many hex characters of the digest go into names
 * @param reproducible leave the {@code generated} time out, so equal input gives equal bytes
 * @param strict fail, writing nothing, if a reference points at a missing file or out of the root
 */
public record BuildOptions(Path root, Path manifest, List<String> includes, List<String> excludes,
		DigestAlgorithm algorithm, int digestLength, boolean reproducible, boolean strict) {

	public static final String DEFAULT_MANIFEST_NAME = "asset-manifest.json";

	public static final List<String> DEFAULT_INCLUDES = List.of("**/*");

	public static final List<String> DEFAULT_EXCLUDES = List.of(".*", "**/.*", "**/*.scss");

	public BuildOptions {
		includes = List.copyOf(includes);
		excludes = List.copyOf(excludes);
		if (digestLength < 8 || digestLength > algorithm.hexLength()) {
			throw new AssetbustException("Digest length " + digestLength + " is out of range: " + algorithm.id()
					+ " names take 8 to " + algorithm.hexLength() + " hex characters");
		}
	}

	/** Defaults: every file but dotfiles and Sass sources, full md5, manifest in the root. */
	public static BuildOptions forRoot(Path root) {
		return new BuildOptions(root, root.resolve(DEFAULT_MANIFEST_NAME), DEFAULT_INCLUDES, DEFAULT_EXCLUDES,
				DigestAlgorithm.MD5, DigestAlgorithm.MD5.hexLength(), false, false);
	}

	public BuildOptions withManifest(Path manifest) {
		return new BuildOptions(this.root, manifest, this.includes, this.excludes, this.algorithm, this.digestLength,
				this.reproducible, this.strict);
	}

	public BuildOptions withIncludes(List<String> includes) {
		return new BuildOptions(this.root, this.manifest, includes, this.excludes, this.algorithm, this.digestLength,
				this.reproducible, this.strict);
	}

	public BuildOptions withExcludes(List<String> excludes) {
		return new BuildOptions(this.root, this.manifest, this.includes, excludes, this.algorithm, this.digestLength,
				this.reproducible, this.strict);
	}

	/** Switches the digest, using its full length in names. */
	public BuildOptions withAlgorithm(DigestAlgorithm algorithm) {
		return new BuildOptions(this.root, this.manifest, this.includes, this.excludes, algorithm,
				algorithm.hexLength(), this.reproducible, this.strict);
	}

	public BuildOptions withDigestLength(int digestLength) {
		return new BuildOptions(this.root, this.manifest, this.includes, this.excludes, this.algorithm, digestLength,
				this.reproducible, this.strict);
	}

	public BuildOptions withReproducible(boolean reproducible) {
		return new BuildOptions(this.root, this.manifest, this.includes, this.excludes, this.algorithm,
				this.digestLength, reproducible, this.strict);
	}

	public BuildOptions withStrict(boolean strict) {
		return new BuildOptions(this.root, this.manifest, this.includes, this.excludes, this.algorithm,
				this.digestLength, this.reproducible, strict);
	}

}
