package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.ParallelTasks;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestFormatException;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.retention.Generations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a build knows from the builds before it, read together before it starts and written
 * together as it ends: the manifest it replaces, the record of generations and the cache. The
 * commit stage writes the new manifest through it, the retain stage the new record.
 */
final class BuildState {

	private static final Logger logger = LoggerFactory.getLogger(BuildState.class);

	private static final String READING = "reading the build's state";

	private final BuildOptions options;

	private final Manifest previous;

	private final Generations generations;

	private final BuildCache cache;

	private Instant nextRemoval;

	private BuildState(BuildOptions options, Manifest previous, Generations generations, BuildCache cache) {
		this.options = options;
		this.previous = previous;
		this.generations = generations;
		this.cache = cache;
	}

	/**
	 * Starts reading the state of the build of {@code options} on {@code executor}, its three files
	 * at once, while the caller scans the tree; the supplier waits for them.
	 * @throws AssetbustException from the supplier, if something is at the manifest's path that is
	 * not a manifest: a build must never overwrite a file it did not write
	 */
	static Supplier<BuildState> readLater(BuildOptions options, ExecutorService executor) {
		Future<Manifest> previous = executor.submit(() -> readPrevious(options.manifest()));
		Future<Generations> generations = executor
			.submit(() -> Generations.read(options.stateFile(StateFile.GENERATIONS)));
		Future<BuildCache> cache = executor.submit(() -> BuildCache.read(options.stateFile(StateFile.CACHE), options));
		return () -> new BuildState(options, ParallelTasks.result(previous, READING),
				ParallelTasks.result(generations, READING), ParallelTasks.result(cache, READING));
	}

	/** The manifest this build replaces; empty for a first build. */
	Manifest previous() {
		return this.previous;
	}

	Generations generations() {
		return this.generations;
	}

	BuildCache cache() {
		return this.cache;
	}

	/** The manifest and the state files: the build's own, never assets. */
	Set<Path> files() {
		return Set.of(this.options.manifest(), this.options.stateFile(StateFile.CACHE),
				this.options.stateFile(StateFile.GENERATIONS), this.options.stateFile(StateFile.UP_TO_DATE),
				this.options.stateFile(StateFile.LOCK));
	}

	/** {@link #files()} as a scan of a tree they are in spells them: through the real path of their folder. */
	Set<Path> filesInRealFolders() {
		Set<Path> files = new HashSet<>();
		files().forEach((file) -> files.add(inRealFolder(file)));
		return files;
	}

	private static Path inRealFolder(Path file) {
		Path folder = file.toAbsolutePath().getParent();
		try {
			return Files.isDirectory(folder) ? folder.toRealPath().resolve(file.getFileName()) : file;
		}
		catch (IOException ex) {
			return file;
		}
	}

	/**
	 * The commit stage: writes the manifest of {@code entries}, unless it would say exactly what the
	 * one on disk says.
	 */
	Manifest commit(Map<AssetPath, ManifestEntry> entries, Clock clock) {
		if (this.previous.assets().equals(entries) && this.previous.algorithm() == this.options.algorithm()
				&& (this.previous.generated() == null) == this.options.reproducible()) {
			return this.previous;
		}
		Instant generated = this.options.reproducible() ? null : clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Manifest manifest = new Manifest(this.options.algorithm(), generated, entries);
		try {
			ManifestStore.write(manifest, this.options.manifest());
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write manifest " + this.options.manifest() + ": " + ex.getMessage()
					+ "; the previous manifest is still in place", ex);
		}
		return manifest;
	}

	/**
	 * The retain stage: records this build's generation (and the previous manifest's, in case an
	 * interrupted build never recorded it), then removes what the retention rules no longer keep.
	 */
	AssetCleaner.Result retain(Path root, Manifest manifest, Clock clock) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Generations updated = this.generations;
		if (!this.previous.assets().isEmpty()) {
			updated = updated.record(new Generations.Generation(
					(this.previous.generated() != null) ? this.previous.generated() : now, this.previous.hashedPaths()));
		}
		updated = updated.record(new Generations.Generation(now, manifest.hashedPaths()));
		AssetCleaner cleaner = new AssetCleaner(root, this.options.retention(), clock);
		AssetCleaner.Result result = cleaner.removeStale(manifest, updated);
		this.nextRemoval = cleaner.nextRemoval(manifest, result.generations());
		result.removed().forEach((file) -> logger.debug("Removed stale hashed copy {}", file));
		if (!result.generations().equals(this.generations)) {
			Path file = this.options.stateFile(StateFile.GENERATIONS);
			try {
				result.generations().write(file);
			}
			catch (IOException ex) {
				logger.warn("Cannot record this build's generation in {}: {}; its hashed copies will not be "
						+ "cleaned up later", file, ex.getMessage());
			}
		}
		return result;
	}

	/**
	 * The retain stage alone, for a tree a build of {@code options} left: removes what its
	 * generation record and the retention rules no longer keep, and records what is left.
	 * @throws AssetbustException if there is no manifest to protect, or it cannot be read
	 */
	static AssetCleaner.Result retainAlone(BuildOptions options, Path root, Clock clock) {
		Manifest manifest;
		try {
			manifest = ManifestStore.read(options.manifest());
		}
		catch (NoSuchFileException ex) {
			throw new AssetbustException("No manifest at " + options.manifest()
					+ "; without one there is nothing to tell current files from stale ones, so nothing was removed");
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read manifest " + options.manifest() + ": " + ex.getMessage(), ex);
		}
		Path generationsFile = options.stateFile(StateFile.GENERATIONS);
		Generations generations = Generations.read(generationsFile);
		AssetCleaner.Result result = new AssetCleaner(root, options.retention(), clock).removeStale(manifest,
				generations);
		if (!result.generations().equals(generations)) {
			try {
				result.generations().write(generationsFile);
			}
			catch (IOException ex) {
				throw new AssetbustException("Removed " + result.removed().size()
						+ " stale copies but cannot update the generation record " + generationsFile + ": "
						+ ex.getMessage(), ex);
			}
		}
		return result;
	}

	/**
	 * When the retention rules, which the retain stage just applied, would next remove something;
	 * {@code null} if nothing ages out.
	 */
	Instant nextRemoval() {
		return this.nextRemoval;
	}

	/** How the last build of {@code options} left the tree; {@code null} if it cannot tell. */
	static UpToDate lastUpToDate(BuildOptions options) {
		return UpToDate.read(options.stateFile(StateFile.UP_TO_DATE));
	}

	/**
	 * Records how this build left the tree ({@code null} if it cannot tell, so the next one does
	 * all its work); a record that cannot be written only costs the next build time.
	 */
	void recordUpToDate(UpToDate upToDate) {
		Path file = this.options.stateFile(StateFile.UP_TO_DATE);
		try {
			UpToDate.write(file, upToDate);
		}
		catch (IOException ex) {
			logger.warn("Cannot write {}: {}; the next build does all its work", file, ex.getMessage());
		}
	}

	/** Writes the cache for the next build; a cache that cannot be written only costs it time. */
	void storeCache() {
		Path file = this.options.stateFile(StateFile.CACHE);
		try {
			this.cache.write(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot write the build cache {}: {}; the next build hashes every file again", file,
					ex.getMessage());
		}
	}

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

}
