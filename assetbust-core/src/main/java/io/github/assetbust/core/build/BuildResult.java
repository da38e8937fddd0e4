package io.github.assetbust.core.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.rewrite.ReferenceReport;
import io.github.assetbust.core.scan.AssetScanner;

/**
 * What a build did.
 * @param manifest the manifest it wrote
 * @param manifestFile where it wrote it
 * @param written how many hashed copies it wrote
 * @param unchanged how many hashed copies were already there with the right content
 * @param reused how many of those were known unchanged from the last build, without reading them
 * @param bytesWritten the bytes of hashed copies it wrote
 * @param skipped files it had to pass over, each with its reason
 * @param references what it did with the references inside CSS and JavaScript
 * @param removed the hashed copies of earlier builds it deleted, under the retention rules
 * @param duration how long it took
 * @param variants what it did about precompressed variants
 */
public record BuildResult(Manifest manifest, Path manifestFile, int written, int unchanged, int reused,
		long bytesWritten,
		List<AssetScanner.Skipped> skipped, ReferenceReport references, Set<AssetPath> removed, Duration duration,
		Variants variants) {

	/**
	 * Precompressed variants ({@code .gz}, {@code .br}) of the hashed copies.
	 * @param written how many it wrote
	 * @param unchanged how many were already there
	 * @param notSmaller how many it did not write, because they would not have been smaller than the copy
	 * @param bytesWritten the bytes of the variants it wrote
	 */
	public record Variants(int written, int unchanged, int notSmaller, long bytesWritten) {

		public static final Variants NONE = new Variants(0, 0, 0, 0);

	}

	/** A one-line summary for logs and terminals. */
	public String summary() {
		return String.format(
				"%d assets: %d hashed copies written (%,d bytes), %d unchanged (%d not even read), "
						+ "%d references rewritten, %d reported, %d skipped, %d stale copies removed, in %d ms",
				this.manifest.size(), this.written, this.bytesWritten, this.unchanged, this.reused,
				this.references.count(ReferenceOutcome.REWRITTEN), this.references.problems().size(),
				this.skipped.size(), this.removed.size(), this.duration.toMillis())
				+ (this.variants.equals(Variants.NONE) ? ""
						: String.format("; %d compressed variants written (%,d bytes), %d unchanged, %d not smaller",
								this.variants.written, this.variants.bytesWritten, this.variants.unchanged,
								this.variants.notSmaller));
	}

}
