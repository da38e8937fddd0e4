package io.github.assetbust.resolve;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import io.github.assetbust.core.build.StateFile;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.retention.Generations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;

/**
 * The manifest currently in use, as an immutable {@link AssetIndex} that lookups read without
 * locking. A {@code file:} manifest is watched for changes (a cheap check of its file attributes
 * on a background thread, never on the lookup path) and swapped in atomically; a manifest that
 * fails to load leaves the last good one in use.
 */
public class AssetManifest implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(AssetManifest.class);

	private final Resource resource;

	private final String location;

	private volatile AssetIndex index = AssetIndex.empty();

	private volatile Object lastSeenVersion;

	private volatile ManifestGeneration generation;

	private volatile LoadAttempt lastAttempt;

	private ScheduledExecutorService watcher;

	private final AtomicLong lastOnDemandCheck = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());

	/**
	 * @param resource where the manifest lives
	 * @param location how to name it in messages, normally the configured location
	 */
	public AssetManifest(Resource resource, String location) {
		this.resource = resource;
		this.location = location;
	}

	/** The index of the manifest in use; never {@code null}, empty before the first good load. */
	public AssetIndex index() {
		return this.index;
	}

	public String location() {
		return this.location;
	}

	/** Whether the manifest is a file this process can watch and rebuild. */
	public boolean isFile() {
		return this.resource.isFile();
	}

	/** Which manifest is in use; {@code null} before the first good load. */
	public ManifestGeneration generation() {
		return this.generation;
	}

	/** How the latest load went, good or bad; {@code null} before the first attempt. */
	public LoadAttempt lastAttempt() {
		return this.lastAttempt;
	}

	/**
	 * Loads the manifest and swaps it in.
	 * @throws ManifestLoadException if it is missing or malformed; the manifest in use stays
	 */
	public AssetIndex load() {
		Instant time = Instant.now();
		try {
			AssetIndex loaded = read(time);
			this.lastAttempt = LoadAttempt.succeeded(time);
			return loaded;
		}
		catch (ManifestLoadException ex) {
			this.lastAttempt = LoadAttempt.failed(time, ex.getMessage());
			throw ex;
		}
	}

	private AssetIndex read(Instant time) {
		Object version = currentVersion();
		if (isFolder()) {
			throw new ManifestLoadException(this.location, "Cannot read asset manifest " + this.location
					+ ": it is a folder; point assetbust.manifest at the manifest file in it", null);
		}
		Manifest manifest;
		String digest;
		try (DigestInputStream in = new DigestInputStream(this.resource.getInputStream(), ManifestGeneration.digester())) {
			// digested as it is parsed, never held whole: a manifest can be a hundred megabytes
			manifest = ManifestStore.read(in, this.location);
			// the digest covers every byte, should the parser not need them all
			in.transferTo(OutputStream.nullOutputStream());
			digest = ManifestGeneration.digest(in.getMessageDigest());
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			throw new ManifestLoadException(this.location, "No asset manifest at " + this.location, ex);
		}
		catch (IOException ex) {
			throw new ManifestLoadException(this.location,
					"Cannot read asset manifest " + this.location + ": " + ex.getMessage(), ex);
		}
		catch (AssetbustException ex) {
			throw new ManifestLoadException(this.location, ex.getMessage(), ex);
		}
		Generations generations = generations();
		AssetIndex loaded = AssetIndex.of(manifest, generations.allFiles());
		this.index = loaded;
		this.generation = ManifestGeneration.of(manifest, digest, generations, time);
		this.lastSeenVersion = version;
		return loaded;
	}

	/**
	 * The generations a build beside a {@code file:} manifest keeps for servers still handing out
	 * their hashed copies; none for other manifests or without a record.
	 */
	private Generations generations() {
		if (!isFile()) {
			return Generations.none();
		}
		try {
			Path file = this.resource.getFile().toPath();
			return Generations.read(StateFile.GENERATIONS.beside(file));
		}
		catch (IOException | AssetbustException ex) {
			logger.warn("Serving only the current generation: " + ex.getMessage());
			return Generations.none();
		}
	}

	/** Whether the location is a folder, which a {@code file:} URL would read as a listing of its files. */
	private boolean isFolder() {
		try {
			return this.resource.isFile() && this.resource.getFile().isDirectory();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Loads the manifest, logging instead of throwing; returns whether it succeeded. */
	public boolean reload() {
		try {
			AssetIndex loaded = load();
			logger.info("Loaded asset manifest " + this.location + " (" + loaded.size() + " assets)");
			return true;
		}
		catch (ManifestLoadException ex) {
			logger.error(ex.getMessage() + "; still using the previous manifest (" + this.index.size() + " assets)");
			return false;
		}
	}

	/** Starts watching a {@code file:} manifest; does nothing for other locations. */
	public synchronized void watch(Duration interval) {
		if (this.watcher != null || !isFile()) {
			return;
		}
		this.watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("assetbust-manifest-watcher"));
		long millis = interval.toMillis();
		this.watcher.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Whether a background check for changes is running. */
	public synchronized boolean isWatching() {
		return this.watcher != null;
	}

	/**
	 * Re-reads a watched manifest now if it changed on disk, rather than at the watcher's next tick;
	 * one stat, done at most once per {@code atMostEvery} whatever the number of callers. For a
	 * request the index does not know, which another server may already have handed out.
	 * @return the index in use afterwards
	 */
	public AssetIndex indexCheckedForChange(Duration atMostEvery) {
		if (!isWatching()) {
			return this.index;
		}
		long now = System.nanoTime();
		long last = this.lastOnDemandCheck.get();
		if (now - last >= atMostEvery.toNanos() && this.lastOnDemandCheck.compareAndSet(last, now)) {
			reloadIfChanged();
		}
		else {
			// another caller's check may be reloading right now: its new index, not the old one
			synchronized (this) {
				return this.index;
			}
		}
		return this.index;
	}

	synchronized void reloadIfChanged() {
		Object version = currentVersion();
		if (version != null && !Objects.equals(version, this.lastSeenVersion)) {
			reload();
			// a manifest that failed to load is not retried until it changes again
			this.lastSeenVersion = version;
		}
	}

	/**
	 * What identifies one version of a manifest file: its {@link FileStamp}, which a build's atomic
	 * rename always changes.
	 */
	private Object currentVersion() {
		if (!isFile()) {
			return null;
		}
		try {
			return FileStamp.of(this.resource.getFile().toPath());
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public synchronized void close() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
			this.watcher = null;
		}
	}

}
