package io.github.assetbust.core.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.assetbust.core.Counts;
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

	/**
	 * A one-line summary for logs and terminals, the same from the CLI, the Maven goal and the
	 * starter: files hashed, references rewritten, bytes written, files removed, time. Numbers are
	 * written the same in every locale, for scripts.
	 */
	public String summary() {
		StringBuilder line = new StringBuilder();
		line.append(count(this.manifest.size(), "asset", "assets")).append(" hashed (");
		line.append(count(this.written, "copy", "copies")).append(" written, ");
		line.append(number(this.unchanged)).append(" unchanged), ");
		line.append(count(this.references.count(ReferenceOutcome.REWRITTEN), "reference", "references"));
		line.append(" rewritten, ").append(count(this.bytesWritten, "byte", "bytes")).append(" written, ");
		line.append(count(this.removed.size(), "stale copy", "stale copies")).append(" removed, in ");
		line.append(this.duration.toMillis()).append(" ms");
		if (!this.references.problems().isEmpty()) {
			line.append("; ").append(count(this.references.problems().size(), "reference", "references"));
			line.append(" reported");
		}
		if (!this.skipped.isEmpty()) {
			line.append("; ").append(count(this.skipped.size(), "file", "files")).append(" skipped");
		}
		if (!this.variants.equals(Variants.NONE)) {
			line.append("; ").append(count(this.variants.written(), "compressed variant", "compressed variants"));
			line.append(" written (").append(count(this.variants.bytesWritten(), "byte", "bytes")).append("), ");
			line.append(number(this.variants.unchanged())).append(" unchanged, ");
			line.append(number(this.variants.notSmaller())).append(" not smaller than their copy");
		}
		return line.toString();
	}

	private static String count(long count, String one, String many) {
		return Counts.of(count, one, many);
	}

	private static String number(long number) {
		return Counts.number(number);
	}

}
