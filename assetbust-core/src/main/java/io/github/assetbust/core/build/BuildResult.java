package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.Counts;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.rewrite.ReferenceReport;
import io.github.assetbust.core.scan.AssetScanner;

/**
 * What a build did.
 */
public final class BuildResult {

	private final Supplier<Manifest> manifest;

	private final int assets;

	private final Path manifestFile;

	private final int written;

	private final int unchanged;

	private final int reused;

	private final long bytesWritten;

	private final List<AssetScanner.Skipped> skipped;

	private final ReferenceReport references;

	private final Set<AssetPath> removed;

	private final Duration duration;

	private final Variants variants;

	/**
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
	public BuildResult(Manifest manifest, Path manifestFile, int written, int unchanged, int reused, long bytesWritten,
			List<AssetScanner.Skipped> skipped, ReferenceReport references, Set<AssetPath> removed, Duration duration,
			Variants variants) {
		this(() -> manifest, manifest.size(), manifestFile, written, unchanged, reused, bytesWritten, skipped,
				references, removed, duration, variants);
	}

	private BuildResult(Supplier<Manifest> manifest, int assets, Path manifestFile, int written, int unchanged,
			int reused, long bytesWritten, List<AssetScanner.Skipped> skipped, ReferenceReport references,
			Set<AssetPath> removed, Duration duration, Variants variants) {
		this.manifest = manifest;
		this.assets = assets;
		this.manifestFile = manifestFile;
		this.written = written;
		this.unchanged = unchanged;
		this.reused = reused;
		this.bytesWritten = bytesWritten;
		this.skipped = skipped;
		this.references = references;
		this.removed = removed;
		this.duration = duration;
		this.variants = variants;
	}

	/**
	 * The result of a build that found the tree as the last build left it and so did nothing:
	 * every figure is the last build's, and the manifest is read from its file only if asked for.
	 */
	static BuildResult upToDate(UpToDate last, Path manifestFile, Duration duration) {
		Supplier<Manifest> manifest = new Supplier<>() {

			private Manifest read;

			@Override
			public synchronized Manifest get() {
				if (this.read == null) {
					this.read = readManifest(manifestFile);
				}
				return this.read;
			}

		};
		return new BuildResult(manifest, last.assets(), manifestFile, 0, last.assets(), last.assets(), 0, List.of(),
				new ReferenceReport(last.references(), List.of()), Set.of(), duration,
				last.variants().equals(Variants.NONE) ? Variants.NONE
						: new Variants(0, last.variants().unchanged(), last.variants().notSmaller(), 0));
	}

	private static Manifest readManifest(Path file) {
		try {
			return ManifestStore.read(file);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read the manifest " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The manifest it wrote, or found up to date. */
	public Manifest manifest() {
		return this.manifest.get();
	}

	/** How many assets the manifest lists. */
	public int assets() {
		return this.assets;
	}

	/** Where it wrote the manifest. */
	public Path manifestFile() {
		return this.manifestFile;
	}

	/** How many hashed copies it wrote. */
	public int written() {
		return this.written;
	}

	/** How many hashed copies were already there with the right content. */
	public int unchanged() {
		return this.unchanged;
	}

	/** How many of those were known unchanged from the last build, without reading them. */
	public int reused() {
		return this.reused;
	}

	/** The bytes of hashed copies it wrote. */
	public long bytesWritten() {
		return this.bytesWritten;
	}

	/** The files it had to pass over, each with its reason. */
	public List<AssetScanner.Skipped> skipped() {
		return this.skipped;
	}

	/** What it did with the references inside CSS and JavaScript. */
	public ReferenceReport references() {
		return this.references;
	}

	/** The hashed copies of earlier builds it deleted, under the retention rules. */
	public Set<AssetPath> removed() {
		return this.removed;
	}

	/** How long it took. */
	public Duration duration() {
		return this.duration;
	}

	/** What it did about precompressed variants. */
	public Variants variants() {
		return this.variants;
	}

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
		line.append(count(this.assets, "asset", "assets")).append(" hashed (");
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
