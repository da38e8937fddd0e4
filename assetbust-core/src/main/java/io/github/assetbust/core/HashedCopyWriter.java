package io.github.assetbust.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
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

	private final Set<Path> touchedFolders = ConcurrentHashMap.newKeySet();

	HashedCopyWriter(Path root, Digester digester, int digestLength) {
		this.root = root;
		this.digester = digester;
		this.digestLength = digestLength;
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
				channel.force(false);
			}
			AssetPath hashed = HashedName.of(file, digest.forName(this.digestLength));
			if (isInPlace(file, hashed, digest)) {
				return new Copy(ManifestEntry.of(hashed, digest), false);
			}
			Path target = hashed.resolveAgainst(this.root);
			AtomicFiles.rename(temp, target);
			this.touchedFolders.add(target.getParent());
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

	/** Makes the renames of every copy written so far durable: one sync a folder, not one a file. */
	void syncFolders() {
		this.touchedFolders.forEach(AtomicFiles::syncFolder);
		this.touchedFolders.clear();
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
