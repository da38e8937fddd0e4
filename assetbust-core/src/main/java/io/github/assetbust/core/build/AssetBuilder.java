package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.compress.Precompressor;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.files.Leftovers;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestFormatException;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.retention.Generations;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.rewrite.ReferenceProblem;
import io.github.assetbust.core.rewrite.ReferenceReport;
import io.github.assetbust.core.rewrite.ReferenceRewriter;
import io.github.assetbust.core.scan.AssetScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build loop: scan the root, plan the order in which references need assets hashed, write a
 * hashed copy of every asset beside it (on all cores, one dependency level at a time), write the
 * manifest, then remove the copies no generation needs any more. Copies are complete before they
 * get their name and the manifest is written after them, so a reader never finds a manifest entry
 * whose file is missing or half-written. A rebuild reuses what it knows of unchanged files and
 * rewrites nothing when nothing changed.
 */
public final class AssetBuilder {

	private static final Logger logger = LoggerFactory.getLogger(AssetBuilder.class);

	/** The longest file name (in bytes) that common file systems take: ext4, XFS, APFS, NTFS. */
	private static final int MAX_NAME_BYTES = 255;

	private final BuildOptions options;

	private final Clock clock;

	private final Digester digester;

	private final HashedName hashedNames;

	private Progress progress = (done, total) -> {
	};

	/** Told how many assets are hashed so far, from any thread. */
	@FunctionalInterface
	public interface Progress {

		void hashed(int done, int total);

		/** Told how many precompressed variants are done, from any thread, once every asset is hashed. */
		default void compressed(int done, int total) {
		}

	}

	public AssetBuilder(BuildOptions options) {
		this(options, Clock.systemUTC());
	}

	public AssetBuilder(BuildOptions options, Clock clock) {
		this.options = options;
		this.clock = clock;
		this.digester = new Digester(options.algorithm());
		this.hashedNames = new HashedName(options.digestLength());
	}

	/** Reports progress to {@code progress} while hashing; returns this builder. */
	public AssetBuilder onProgress(Progress progress) {
		this.progress = progress;
		return this;
	}

	/**
	 * Runs the build.
	 * @throws AssetbustException if the root is unusable or a file cannot be hashed, or the JVM ran
	 * out of memory or stack; the manifest on disk is then the one from before
	 */
	public BuildResult build() {
		long start = System.nanoTime();
		Path root = AssetRoot.existing(this.options.root()).path();
		this.options.compress().forEach(Compression::requireAvailable);
		try (BuildLock lock = BuildLock.acquire(this.options)) {
			return build(root, start);
		}
		catch (OutOfMemoryError ex) {
			throw new AssetbustException("Ran out of memory building " + this.options.root() + " (" + ex.getMessage()
					+ ", at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
					+ " MB of heap); the previous manifest stays. Give the JVM more with -Xmx", ex);
		}
		catch (StackOverflowError ex) {
			throw new AssetbustException("Ran out of stack building " + this.options.root()
					+ "; the previous manifest stays. This is a bug: please report it with the shape of the tree", ex);
		}
	}

	private BuildResult build(Path root, long start) {
		Path manifestFile = this.options.manifest();
		Path cacheFile = this.options.stateFile("cache.json");
		Path generationsFile = this.options.stateFile("generations.json");
		Manifest previous = readPrevious(manifestFile);
		Generations generations = Generations.read(generationsFile);

		AssetScanner.Scan scan = new AssetScanner(this.options.includes(), this.options.excludes()).scan(root);
		Leftovers.remove(root, scan.leftovers(), manifestFile, cacheFile, generationsFile);
		List<AssetScanner.Skipped> skipped = new ArrayList<>(scan.skipped());
		Set<AssetPath> assets = selectAssets(root, scan, previous, generations, Set.of(inRealFolder(manifestFile),
				inRealFolder(cacheFile), inRealFolder(generationsFile),
				inRealFolder(this.options.stateFile("lock"))), skipped);
		skipped.forEach((skip) -> logger.warn("{}", skip));

		BuildCache cache = BuildCache.read(cacheFile, this.options);
		Map<AssetPath, String> stamps = new HashMap<>();
		Map<AssetPath, BuildCache.Entry> reusable = new HashMap<>();
		for (AssetPath asset : assets) {
			String stamp = BuildCache.stamp(scan.attributes().get(asset));
			stamps.put(asset, stamp);
			BuildCache.Entry entry = cache.reusable(root, asset, stamp);
			if (entry != null) {
				reusable.put(asset, entry);
			}
		}
		Map<AssetPath, Map<ReferenceOutcome, Integer>> known = new HashMap<>();
		reusable.forEach((asset, entry) -> known.put(asset, entry.outcomes()));
		ReferenceRewriter rewriter = new ReferenceRewriter(root, assets);
		ReferenceRewriter.Plan plan = rewriter.plan(known);
		failOnBrokenReferences(plan.report());
		plan.report()
			.problems()
			.forEach((problem) -> logger.warn(problem.outcome().isBroken() ? "{}; left as written" : "{}", problem));

		ParallelHashing hashing;
		Precompressor precompressor;
		ExecutorService executor = Executors.newFixedThreadPool(this.options.threads(), (task) -> {
			Thread thread = new Thread(task, "assetbust-hash");
			thread.setDaemon(true);
			return thread;
		});
		try (Flusher flusher = new Flusher()) {
			HashedCopyWriter writer = new HashedCopyWriter(root, this.digester, this.options.digestLength(),
					previous.hashedPaths(), flusher);
			hashing = new ParallelHashing(writer, rewriter, plan, reusable, this.progress);
			hashing.run(executor);
			precompressor = new Precompressor(root, this.options.compress(), flusher, cache);
			precompressor.run(executor, hashing.entries.values(), this.progress);
			// every copy (and variant) must be durable under its name before a manifest may point at it
			writer.awaitDurable();
		}
		finally {
			executor.shutdownNow();
		}
		plan.outcomes()
			.forEach((asset, outcomes) -> cache.put(asset,
					new BuildCache.Entry(stamps.get(asset), hashing.entries.get(asset), outcomes,
							precompressor.variants(hashing.entries.get(asset).path()))));

		Manifest manifest = writeManifest(manifestFile, previous, new TreeMap<>(hashing.entries));
		AssetCleaner.Result clean = clean(root, manifest, previous, generations, generationsFile);
		try {
			cache.write(cacheFile);
		}
		catch (IOException ex) {
			logger.warn("Cannot write the build cache {}: {}; the next build hashes every file again", cacheFile,
					ex.getMessage());
		}
		int written = hashing.written.get();
		return new BuildResult(manifest, manifestFile, written, manifest.size() - written, hashing.reused.get(),
				hashing.bytesWritten.get(), List.copyOf(skipped), plan.report(), clean.removed(),
				Duration.ofNanos(System.nanoTime() - start), precompressor.result());
	}

	/**
	 * The scanned files that are assets: not this build's own files, not a temporary file, not a
	 * hashed copy an earlier build wrote, and not a precompressed variant of one.
	 */
	private Set<AssetPath> selectAssets(Path root, AssetScanner.Scan scan, Manifest previous, Generations generations,
			Set<Path> ownFiles, List<AssetScanner.Skipped> skipped) {
		// a record can only vouch for files named like hashed copies: an entry that points at an
		// original (a hand-edited manifest, say) must not turn that original into a stale copy
		Set<AssetPath> generatedBefore = new HashSet<>();
		previous.hashedPaths().stream().filter(HashedName::looksHashed).forEach(generatedBefore::add);
		generations.allFiles().stream().filter(HashedName::looksHashed).forEach(generatedBefore::add);
		Set<AssetPath> scanned = Set.copyOf(scan.files());
		Set<AssetPath> assets = new TreeSet<>();
		for (AssetPath file : scan.files()) {
			Path source = file.resolveAgainst(root);
			if (ownFiles.contains(source) || isTempFile(file) || generatedBefore.contains(file)
					|| isVariant(file, scanned, generatedBefore) || isHashedCopy(file, source, scanned)) {
				continue;
			}
			int hashedNameBytes = file.fileName().getBytes(StandardCharsets.UTF_8).length + 1
					+ this.options.digestLength();
			if (hashedNameBytes > MAX_NAME_BYTES) {
				skipped.add(new AssetScanner.Skipped(file.toString(), "its hashed name would be " + hashedNameBytes
						+ " bytes long, more than the " + MAX_NAME_BYTES + " file systems allow; shorten the name"));
				continue;
			}
			assets.add(file);
		}
		return assets;
	}

	/** Writes the manifest, unless it would say exactly what the one on disk says. */
	private Manifest writeManifest(Path manifestFile, Manifest previous, Map<AssetPath, ManifestEntry> entries) {
		if (previous.assets().equals(entries) && previous.algorithm() == this.options.algorithm()
				&& (previous.generated() == null) == this.options.reproducible()) {
			return previous;
		}
		Instant generated = this.options.reproducible() ? null : this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Manifest manifest = new Manifest(this.options.algorithm(), generated, entries);
		try {
			ManifestStore.write(manifest, manifestFile);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write manifest " + manifestFile + ": " + ex.getMessage()
					+ "; the previous manifest is still in place", ex);
		}
		return manifest;
	}

	/**
	 * Records this build's generation (and the previous manifest's, in case an interrupted build
	 * never recorded it), then removes what the retention rules no longer keep.
	 */
	private AssetCleaner.Result clean(Path root, Manifest manifest, Manifest previous, Generations generations,
			Path generationsFile) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Generations updated = generations;
		if (!previous.assets().isEmpty()) {
			updated = updated.record(new Generations.Generation(
					(previous.generated() != null) ? previous.generated() : now, previous.hashedPaths()));
		}
		updated = updated.record(new Generations.Generation(now, manifest.hashedPaths()));
		AssetCleaner.Result result = new AssetCleaner(root, this.options.retention(), this.clock).clean(manifest,
				updated);
		result.removed().forEach((file) -> logger.debug("Removed stale hashed copy {}", file));
		if (!result.generations().equals(generations)) {
			try {
				result.generations().write(generationsFile);
			}
			catch (IOException ex) {
				logger.warn("Cannot record this build's generation in {}: {}; its hashed copies will not be "
						+ "cleaned up later", generationsFile, ex.getMessage());
			}
		}
		return result;
	}

	private void failOnBrokenReferences(ReferenceReport report) {
		List<ReferenceProblem> broken = report.broken();
		if (this.options.strict() && !broken.isEmpty()) {
			throw new AssetbustException(broken.size() + " reference" + ((broken.size() == 1) ? "" : "s")
					+ " cannot be resolved (strict mode); nothing was written:\n  " + broken.stream()
						.map(ReferenceProblem::toString)
						.collect(Collectors.joining("\n  ")));
		}
	}

	/** The path as the scan spells it: through the real path of its folder. */
	private static Path inRealFolder(Path file) {
		Path folder = file.getParent();
		try {
			return Files.isDirectory(folder) ? folder.toRealPath().resolve(file.getFileName()) : file;
		}
		catch (IOException ex) {
			return file;
		}
	}

	/**
	 * Whether {@code file} is named like a precompressed variant ({@code main-<digest>.css.gz}) of a
	 * hashed copy that is there or that a record lists. Hashing it would give it a hashed copy of
	 * its own; a user's {@code backup-20261125.tar.gz} beside no {@code backup-20261125.tar} is
	 * still an asset.
	 */
	private static boolean isVariant(AssetPath file, Set<AssetPath> scanned, Set<AssetPath> generatedBefore) {
		AssetPath copy = Compression.copyOfVariant(file);
		return copy != null && (scanned.contains(copy) || generatedBefore.contains(copy));
	}

	/** A temporary file of this or another build, which the excludes may not have caught. */
	private static boolean isTempFile(AssetPath file) {
		return file.fileName().endsWith(AtomicFiles.TEMP_SUFFIX);
	}

	/**
	 * The manifest the build will replace.
	 * @throws AssetbustException if something is there that is not a manifest: a build must never
	 * overwrite a file it did not write
	 */
	private static Manifest readPrevious(Path manifestFile) {
		if (Files.isDirectory(manifestFile)) {
			throw new AssetbustException("The manifest " + manifestFile
					+ " is a folder; point the manifest at a file. Nothing was written");
		}
		try {
			return ManifestStore.read(manifestFile);
		}
		catch (NoSuchFileException ex) {
			return Manifest.empty();
		}
		catch (ManifestFormatException ex) {
			throw new AssetbustException("Refusing to replace " + manifestFile + ", which is not an assetbust manifest ("
					+ ex.getMessage() + "); move it away, or point the manifest somewhere else", ex);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read the previous manifest " + manifestFile + ": " + ex
					+ "; nothing was written", ex);
		}
	}

	/**
	 * Whether {@code file} is a hashed copy an earlier build wrote even though no record lists it
	 * (the manifest was deleted, say): named like one, beside its original, with the digest of its
	 * own bytes in its name. A file that merely looks hashed fails the digest check and is treated
	 * as an ordinary asset.
	 */
	private boolean isHashedCopy(AssetPath file, Path source, Set<AssetPath> scanned) {
		return this.hashedNames.parse(file)
			.filter((parsed) -> scanned.contains(parsed.original()))
			.filter((parsed) -> parsed.digest().equals(digestForName(source)))
			.isPresent();
	}

	private String digestForName(Path source) {
		try {
			return this.digester.digest(source).forName(this.options.digestLength());
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read " + source + ": " + ex.getMessage(), ex);
		}
	}

}
