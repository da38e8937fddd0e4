package io.github.assetbust.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.ParallelTasks;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.NameLength;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the precompressed variants of hashed copies beside them ({@code main-<digest>.css.gz},
 * {@code .br}), on all threads, largest copies first so that no thread is left with a big one at
 * the end. Like a copy, a variant is written to a temporary file and gets its name only once it is
 * complete, and it is flushed with the copies before the manifest is written. It is kept only if
 * it is smaller than its copy. A variant already in place is left alone: its copy's name stands
 * for the copy's bytes, so the variant's does too; and a compression that did not pay off for a
 * copy is not tried again on it.
 */
final class Precompressor {

	private static final Logger logger = LoggerFactory.getLogger(Precompressor.class);

	private final Path root;

	private final Set<Compression> compressions;

	private final Flusher flusher;

	private final BuildCache cache;

	private final int brotliQuality;

	private final Map<AssetPath, Map<Compression, Boolean>> decided = new ConcurrentHashMap<>();

	private final AtomicInteger written = new AtomicInteger();

	private final AtomicInteger unchanged = new AtomicInteger();

	private final AtomicInteger notSmaller = new AtomicInteger();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final AtomicInteger done = new AtomicInteger();

	/**
	 * @param cache what the last build decided about each copy's variants
	 * @param brotliQuality how hard Brotli works on variants written now (a variant in place stays)
	 */
	Precompressor(Path root, Set<Compression> compressions, Flusher flusher, BuildCache cache,
			int brotliQuality) {
		this.root = root;
		this.compressions = compressions;
		this.flusher = flusher;
		this.cache = cache;
		this.brotliQuality = brotliQuality;
	}

	/**
	 * What the compress stage did.
	 * @param decided for each hashed copy, which variants it has ({@code true}) or did not pay off
	 * ({@code false}), for the build cache
	 * @param result the counts the build reports
	 */
	record Compressed(Map<AssetPath, Map<Compression, Boolean>> decided, BuildResult.Variants result) {

		/** What this build decided about the variants of {@code hashedCopy}. */
		Map<Compression, Boolean> variants(AssetPath hashedCopy) {
			return this.decided.getOrDefault(hashedCopy, Map.of());
		}

	}

	/** Writes the variants of {@code copies} that are of a compressible type, reporting to {@code progress}. */
	Compressed run(ExecutorService executor, Collection<ManifestEntry> copies, AssetBuilder.Progress progress) {
		if (this.compressions.isEmpty()) {
			return new Compressed(Map.of(), BuildResult.Variants.NONE);
		}
		List<ManifestEntry> compressible = copies.stream()
			.filter((copy) -> Compression.appliesTo(copy.path()))
			.sorted(Comparator.comparingLong(ManifestEntry::size).reversed().thenComparing(ManifestEntry::path))
			.toList();
		int total = compressible.size() * this.compressions.size();
		List<Callable<Void>> tasks = new ArrayList<>(total);
		for (ManifestEntry copy : compressible) {
			for (Compression compression : this.compressions) {
				tasks.add(() -> {
					write(copy, compression);
					progress.compressed(this.done.incrementAndGet(), total);
					return null;
				});
			}
		}
		ParallelTasks.runAll(executor, tasks, "compressing");
		return new Compressed(Map.copyOf(this.decided), new BuildResult.Variants(this.written.get(),
				this.unchanged.get(), this.notSmaller.get(), this.bytesWritten.get()));
	}

	private void write(ManifestEntry copy, Compression compression) {
		AssetPath variant = compression.variantOf(copy.path());
		if (!NameLength.fits(variant.fileName())) {
			logger.debug("No {} variant of {}: its name would be too long", compression.id(), copy.path());
			return;
		}
		Path target = variant.resolveAgainst(this.root);
		Boolean before = this.cache.previousVariants(copy.path()).get(compression);
		try {
			if (isInPlace(copy, compression, variant, target, before)) {
				decide(copy, compression, true);
				this.unchanged.incrementAndGet();
			}
			else if (Boolean.FALSE.equals(before)) {
				decide(copy, compression, false);
				this.notSmaller.incrementAndGet();
			}
			else {
				compress(copy, compression, target);
			}
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the " + compression.id() + " variant of " + copy.path() + " in "
					+ this.root + ": " + ex, ex);
		}
	}

	/**
	 * Whether the variant is there already; then it is flushed too, unless the build cache says a
	 * finished build found or wrote it (and so flushed it before its manifest).
	 * @throws AssetbustException if something that cannot be the variant is in the way
	 */
	private boolean isInPlace(ManifestEntry copy, Compression compression, AssetPath variant, Path target,
			Boolean before) throws IOException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		if (!attributes.isRegularFile()) {
			throw new AssetbustException("Cannot write the " + compression.id() + " variant of " + copy.path() + ": "
					+ variant + " exists and is not a regular file; move it away and build again");
		}
		if (!Boolean.TRUE.equals(before)) {
			// left by a build that never finished: maybe renamed, but not flushed
			this.flusher.flushLater(target);
		}
		return true;
	}

	private void compress(ManifestEntry copy, Compression compression, Path target) throws IOException {
		Path source = copy.path().resolveAgainst(this.root);
		Path temp = AtomicFiles.newTempFile(target);
		boolean moved = false;
		try {
			try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
					FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = compression.compressing(Channels.newOutputStream(channel), copy.path(),
							copy.size(), this.brotliQuality)) {
				in.transferTo(out);
			}
			long size = Files.size(temp);
			if (size >= copy.size()) {
				decide(copy, compression, false);
				this.notSmaller.incrementAndGet();
				return;
			}
			AtomicFiles.rename(temp, target);
			moved = true;
			this.flusher.flushLater(target);
			decide(copy, compression, true);
			this.written.incrementAndGet();
			this.bytesWritten.addAndGet(size);
		}
		finally {
			if (!moved) {
				AtomicFiles.deleteQuietly(temp);
			}
		}
	}

	private void decide(ManifestEntry copy, Compression compression, boolean written) {
		this.decided.compute(copy.path(), (path, variants) -> {
			Map<Compression, Boolean> updated = (variants != null) ? new EnumMap<>(variants)
					: new EnumMap<>(Compression.class);
			updated.put(compression, written);
			return updated;
		});
	}

}
