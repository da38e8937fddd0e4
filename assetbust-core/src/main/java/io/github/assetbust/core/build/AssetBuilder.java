package io.github.assetbust.core.build;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.files.Leftovers;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.rewrite.ReferencePlanner;
import io.github.assetbust.core.rewrite.ReferenceProblem;
import io.github.assetbust.core.rewrite.ReferenceReport;
import io.github.assetbust.core.rewrite.ReferenceRewriter;
import io.github.assetbust.core.rewrite.RewritePlan;
import io.github.assetbust.core.scan.AssetScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build loop, stage by stage: read the state of earlier builds, scan the root, select the
 * assets, plan the rewriting of their references in dependency levels, hash (a copy of every
 * asset beside it, on all cores, one level at a time), compress, commit the manifest, retain
 * (remove the copies no generation needs any more) and store the state for the next build. Copies
 * are complete before they get their name and the manifest is written after them, so a reader
 * never finds a manifest entry whose file is missing or half-written. A rebuild reuses what it knows of unchanged files and
 * rewrites nothing when nothing changed.
 */
public final class AssetBuilder {

	private static final Logger logger = LoggerFactory.getLogger(AssetBuilder.class);

	private final BuildOptions options;

	private final Clock clock;

	private final Digester digester;

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
		catch (OutOfMemoryError | StackOverflowError ex) {
			throw AssetbustException.ranOut(ex, "building " + this.options.root(), "the previous manifest stays");
		}
	}

	/**
	 * Runs the retain stage alone, under the build's lock, without building: the {@code clean}
	 * command. Removes the hashed copies that the generation record and the retention rules no
	 * longer keep.
	 * @throws AssetbustException if the root is unusable, or there is no manifest to protect, or it
	 * cannot be read
	 */
	public AssetCleaner.Result clean() {
		Path root = AssetRoot.existing(this.options.root()).path();
		try (BuildLock lock = BuildLock.acquire(this.options)) {
			return BuildState.retainAlone(this.options, root, this.clock);
		}
	}

	private BuildResult build(Path root, long start) {
		ExecutorService executor = Executors.newFixedThreadPool(this.options.threads(),
				DaemonThreads.named("assetbust-hash"));
		try {
			return build(root, start, executor);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private BuildResult build(Path root, long start, ExecutorService executor) {
		UpToDate last = BuildState.lastUpToDate(this.options);
		Supplier<BuildState> reading = (last == null) ? BuildState.readLater(this.options, executor) : null;
		AssetScanner scanner = new AssetScanner(this.options.includes(), this.options.excludes());
		AssetScanner.Scan scan = scanner.scan(root);
		if (last != null && last.holdsFor(TreeFingerprint.of(this.options, scan), this.clock.instant())) {
			return BuildResult.upToDate(last, this.options.manifest(), Duration.ofNanos(System.nanoTime() - start));
		}
		BuildState state = ((reading != null) ? reading : BuildState.readLater(this.options, executor)).get();
		Leftovers.remove(root, scan.leftovers(), state.files().toArray(Path[]::new));
		AssetSelection.Selection selection = new AssetSelection(this.options, this.digester).select(root, scan, state);
		selection.skipped().forEach((skip) -> logger.warn("{}", skip));

		RewritePlan plan = new ReferencePlanner(root, selection.assets(), executor).plan(selection.knownReferences());
		failOnBrokenReferences(plan.report());
		plan.report()
			.problems()
			.forEach((problem) -> logger.warn(problem.outcome().isBroken() ? "{}; left as written" : "{}", problem));

		HashStage.Hashed hashed;
		Precompressor.Compressed compressed;
		try (Flusher flusher = new Flusher()) {
			HashedCopyWriter writer = new HashedCopyWriter(root, this.digester, this.options.digestLength(),
					state.previous().hashedPaths(), flusher);
			hashed = new HashStage(writer, new ReferenceRewriter(root), this.progress).run(plan, selection.reusable(),
					executor);
			compressed = new Precompressor(root, this.options.compress(), flusher, state.cache(),
					this.options.brotliQuality())
				.run(executor, hashed.entries().values(), this.progress);
			// every copy (and variant) must be durable under its name before a manifest may point at it
			writer.awaitDurable();
		}
		plan.outcomes().forEach((asset, outcomes) -> {
			ManifestEntry entry = hashed.entries().get(asset);
			state.cache()
				.put(asset, new BuildCache.Entry(selection.stamps().get(asset), entry, outcomes,
						compressed.variants(entry.path()), plan.targets().getOrDefault(asset, List.of())));
		});

		Manifest manifest = state.commit(hashed.entries(), this.clock);
		AssetCleaner.Result clean = state.retain(root, manifest, this.clock);
		BuildResult.Variants variants = compressed.result();
		state.storeCache();
		state.recordUpToDate(UpToDate.leftBy(this.options, scanner, scan, state, manifest, clean, plan.report(),
				variants));
		return new BuildResult(manifest, this.options.manifest(), hashed.written(), manifest.size() - hashed.written(),
				hashed.reused(), hashed.bytesWritten(), selection.skipped(), plan.report(), clean.removed(),
				Duration.ofNanos(System.nanoTime() - start), variants);
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

}
