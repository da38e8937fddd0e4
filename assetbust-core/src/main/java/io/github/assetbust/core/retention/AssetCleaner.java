package io.github.assetbust.core.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.HashedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes hashed copies that no server should hand out any more. Only files a recorded
 * generation lists are ever candidates, so an original or a user's file that merely looks hashed
 * is never touched; the current manifest, the previous {@code keep} generations and any file
 * younger than {@code max-age} are kept. A removed copy's precompressed variants ({@code .gz},
 * {@code .br}) go with it; the variants of a kept copy stay.
 */
public final class AssetCleaner {

	private static final Logger logger = LoggerFactory.getLogger(AssetCleaner.class);

	private static final long GONE = -1;

	private static final long STILL_THERE = -2;

	private final Store store;

	private final Retention retention;

	private final Clock clock;

	/**
	 * @param root the asset root, resolved to its real path
	 * @param retention what to keep
	 * @param clock the time {@code max-age} is measured from
	 */
	public AssetCleaner(Path root, Retention retention, Clock clock) {
		this(new FolderStore(AssetRoot.serving(root)), retention, clock);
	}

	/**
	 * A cleaner of hashed copies kept somewhere else than in a folder, such as a bucket: the
	 * retention rule is the same wherever the copies are.
	 * @param store where the copies are
	 * @param retention what to keep
	 * @param clock the time {@code max-age} is measured from
	 */
	public AssetCleaner(Store store, Retention retention, Clock clock) {
		this.store = store;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Deletes what {@code generations} (newest first, the current one at its head) no longer need.
	 * @param current the manifest in use: its originals and hashed copies are never deleted
	 * @return what was removed, and the record of what is left
	 */
	public Result removeStale(Manifest current, Generations generations) {
		List<Generations.Generation> list = generations.list();
		int whole = keptWhole(list);
		Set<AssetPath> keep = keptFiles(current, list);
		Instant cutoff = this.clock.instant().minus(this.retention.maxAge());

		List<Generations.Generation> remaining = new ArrayList<>(list.subList(0, whole));
		Set<AssetPath> removed = new TreeSet<>();
		long bytes = 0;
		for (Generations.Generation generation : list.subList(whole, list.size())) {
			Set<AssetPath> left = new TreeSet<>();
			for (AssetPath file : generation.files()) {
				if (keep.contains(file) || removed.contains(file) || !HashedName.looksHashed(file)) {
					continue;
				}
				long size = deleteIfStale(file, cutoff);
				if (size >= 0) {
					removed.add(file);
					bytes += size;
				}
				else if (size == STILL_THERE) {
					left.add(file);
				}
				if (size != STILL_THERE) {
					// whatever their own age: a variant without its copy would never be removed
					bytes += deleteVariants(file);
				}
			}
			if (!left.isEmpty()) {
				remaining.add(new Generations.Generation(generation.built(), left));
			}
		}
		return new Result(removed, bytes, new Generations(remaining));
	}

	/**
	 * When {@link #removeStale}, run again on a tree it has just cleaned, would remove something:
	 * the soonest a copy it kept only for being younger than the max age stops being so. Now, if a
	 * copy on record is gone or cannot be looked at; {@code null} if nothing ages out.
	 * @param generations the record {@link #removeStale} left
	 */
	public Instant nextRemoval(Manifest current, Generations generations) {
		List<Generations.Generation> list = generations.list();
		Set<AssetPath> keep = keptFiles(current, list);
		Instant next = null;
		for (Generations.Generation generation : list.subList(keptWhole(list), list.size())) {
			for (AssetPath file : generation.files()) {
				if (keep.contains(file) || !HashedName.looksHashed(file)) {
					continue;
				}
				Instant modified;
				try {
					modified = this.store.lastModified(file);
				}
				catch (IOException ex) {
					modified = null;
				}
				if (modified == null) {
					return this.clock.instant();
				}
				Instant due = modified.plus(this.retention.maxAge());
				next = (next == null || due.isBefore(next)) ? due : next;
			}
		}
		return next;
	}

	/** How many generations, newest first, are kept whole whatever their age. */
	private int keptWhole(List<Generations.Generation> list) {
		return Math.min(list.size(), this.retention.keep() + 1);
	}

	/** The files never removed: the current manifest's and those of the generations kept whole. */
	private Set<AssetPath> keptFiles(Manifest current, List<Generations.Generation> list) {
		Set<AssetPath> keep = new HashSet<>(current.hashedPaths());
		keep.addAll(current.assets().keySet());
		list.subList(0, keptWhole(list)).forEach((generation) -> keep.addAll(generation.files()));
		return keep;
	}

	/** The bytes freed by deleting {@code file}, or {@link #GONE} or {@link #STILL_THERE}. */
	private long deleteIfStale(AssetPath file, Instant cutoff) {
		try {
			Instant modified = this.store.lastModified(file);
			if (modified == null) {
				// gone, or something else took the name, or a link leads elsewhere: not ours to delete
				return GONE;
			}
			if (modified.isAfter(cutoff)) {
				return STILL_THERE;
			}
			return this.store.delete(file);
		}
		catch (NoSuchFileException ex) {
			return GONE;
		}
		catch (IOException ex) {
			logger.warn("Cannot remove stale hashed copy {}: {}", file, ex.getMessage());
			return STILL_THERE;
		}
	}

	/** Deletes the precompressed variants of the stale copy {@code file}; returns the bytes freed. */
	private long deleteVariants(AssetPath file) {
		long bytes = 0;
		for (Compression compression : Compression.all()) {
			AssetPath variant = compression.variantOf(file);
			try {
				if (this.store.lastModified(variant) == null) {
					// never written, removed already, or not ours to delete
					continue;
				}
				bytes += this.store.delete(variant);
				logger.debug("Removed {}, the {} variant of stale hashed copy {}", variant, compression.id(), file);
			}
			catch (NoSuchFileException ex) {
				// never written, or removed already
			}
			catch (IOException ex) {
				logger.warn("Cannot remove {}, the {} variant of stale hashed copy {}: {}", variant, compression.id(),
						file, ex.getMessage());
			}
		}
		return bytes;
	}

	/**
	 * Where the hashed copies a cleaner removes are: a folder, a bucket. The cleaner decides what
	 * is stale; a store only says how old a file is and removes it.
	 */
	public interface Store {

		/**
		 * When {@code file} was last written, or {@code null} if it is not there, or not the
		 * store's to delete.
		 */
		Instant lastModified(AssetPath file) throws IOException;

		/**
		 * Removes {@code file}, which {@link #lastModified} just found.
		 * @return how many bytes that freed
		 * @throws NoSuchFileException if it went in the meantime
		 */
		long delete(AssetPath file) throws IOException;

	}

	/** The hashed copies in the asset root: only regular files inside it, never through a link. */
	private static final class FolderStore implements Store {

		private final AssetRoot assetRoot;

		FolderStore(AssetRoot assetRoot) {
			this.assetRoot = assetRoot;
		}

		@Override
		public Instant lastModified(AssetPath file) throws IOException {
			Path path = this.assetRoot.file(file);
			if (path == null) {
				return null;
			}
			try {
				return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
					.lastModifiedTime()
					.toInstant();
			}
			catch (NoSuchFileException ex) {
				return null;
			}
		}

		@Override
		public long delete(AssetPath file) throws IOException {
			Path path = this.assetRoot.file(file);
			if (path == null) {
				throw new NoSuchFileException(file.toString());
			}
			long size = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
			Files.delete(path);
			return size;
		}

	}

	/**
	 * What a clean did.
	 * @param removed the hashed copies it deleted
	 * @param bytes how many bytes that freed, their precompressed variants' included
	 * @param generations the record of what is left
	 */
	public record Result(Set<AssetPath> removed, long bytes, Generations generations) {
	}

}
