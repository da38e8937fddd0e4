package io.github.assetbust.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the hashed copy of one asset beside it. The bytes go to a temporary file while they are
 * digested, so the name is the digest of exactly what was written, and the copy only gets its name
 * once it is complete and on disk. A copy that is already there is left alone: same name, same
 * bytes.
 */
final class HashedCopyWriter {

	private static final Logger logger = LoggerFactory.getLogger(HashedCopyWriter.class);

	private final Path root;

	private final Digester digester;

	private final int digestLength;

	private final Set<AssetPath> durable;

	private final Set<Path> unsynced = ConcurrentHashMap.newKeySet();

	/**
	 * @param durable copies known to be on disk already: those the previous manifest pointed at.
	 * Any other copy found in place (left by an interrupted build, say) is flushed like a new one
	 * before a manifest may point at it.
	 */
	HashedCopyWriter(Path root, Digester digester, int digestLength, Set<AssetPath> durable) {
		this.root = root;
		this.digester = digester;
		this.digestLength = digestLength;
		this.durable = durable;
	}

	/**
	 * What writing one copy did.
	 * @param entry the manifest entry for it
	 * @param written whether the file was written now, rather than found in place
	 */
	record Copy(ManifestEntry entry, boolean written) {
	}

	/** Streams {@code file} into its hashed copy. */
	Copy copy(AssetPath file) {
		Path source = file.resolveAgainst(this.root);
		Path temp = null;
		boolean moved = false;
		try {
			temp = AtomicFiles.newTempFile(source);
			Digest digest;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				digest = this.digester.copy(source, out);
			}
			AssetPath hashed = HashedName.of(file, digest.forName(this.digestLength));
			if (isInPlace(file, hashed, digest)) {
				return new Copy(ManifestEntry.of(hashed, digest), false);
			}
			Path target = hashed.resolveAgainst(this.root);
			AtomicFiles.rename(temp, target);
			this.unsynced.add(target);
			moved = true;
			return new Copy(ManifestEntry.of(hashed, digest), true);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + " in " + this.root + ": " + ex, ex);
		}
		finally {
			if (!moved) {
				deleteQuietly(temp);
			}
		}
	}

	/** Writes rewritten {@code content} as the hashed copy of {@code file}. */
	Copy write(AssetPath file, byte[] content) {
		Digest digest = this.digester.digest(content);
		AssetPath hashed = HashedName.of(file, digest.forName(this.digestLength));
		try {
			if (isInPlace(file, hashed, digest)) {
				return new Copy(ManifestEntry.of(hashed, digest), false);
			}
			AtomicFiles.write(hashed.resolveAgainst(this.root), (out) -> {
				out.write(content);
				return null;
			});
			return new Copy(ManifestEntry.of(hashed, digest), true);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + " in " + this.root + ": " + ex, ex);
		}
	}

	/**
	 * Makes every copy streamed so far durable under its name: each file's data, then each folder
	 * once. Done after all copies are written rather than one by one, so that most of the data has
	 * already reached the disk in the background and the hashing threads never wait for it.
	 */
	void syncAll(ExecutorService executor) {
		List<Path> files = List.copyOf(this.unsynced);
		this.unsynced.clear();
		List<Callable<Void>> tasks = new ArrayList<>();
		files.forEach((file) -> tasks.add(() -> {
			syncFile(file);
			return null;
		}));
		files.stream().map(Path::getParent).distinct().forEach((folder) -> tasks.add(() -> {
			AtomicFiles.syncFolder(folder);
			return null;
		}));
		try {
			for (Future<Void> done : executor.invokeAll(tasks)) {
				done.get();
			}
		}
		catch (ExecutionException ex) {
			throw new AssetbustException("Cannot flush hashed copies to disk: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while flushing hashed copies to disk", ex);
		}
	}

	private static void syncFile(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	/**
	 * Whether the hashed copy is already there. The content behind a digest name is the same by
	 * construction, but a file of the wrong size there was put by something else.
	 * @throws AssetbustException if something that cannot be this copy is in the way
	 */
	private boolean isInPlace(AssetPath file, AssetPath hashed, Digest digest) throws IOException {
		Path target = hashed.resolveAgainst(this.root);
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		if (!this.durable.contains(hashed)) {
			this.unsynced.add(target);
		}
		if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + ": " + hashed
					+ " exists and is not a regular file; move it away and build again");
		}
		if (Files.size(target) != digest.size()) {
			throw new AssetbustException("Cannot use the hashed copy of " + file + ": " + hashed + " exists with "
					+ Files.size(target) + " bytes instead of " + digest.size()
					+ ", so its content does not match its name; move it away and build again");
		}
		return true;
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				logger.warn("Cannot remove temporary file {}: {}", temp, ex.getMessage());
			}
		}
	}

}
