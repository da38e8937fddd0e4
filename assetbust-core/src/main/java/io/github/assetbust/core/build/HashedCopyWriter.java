package io.github.assetbust.core.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.digest.Digest;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.digest.Integrity;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
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

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Path root;

	private final Digester digester;

	private final int digestLength;

	private final Set<AssetPath> durable;

	private final Flusher flusher;

	/**
	 * @param durable copies known to be on disk already: those the previous manifest pointed at.
	 * Any other copy found in place (left by an interrupted build, say) is flushed like a new one
	 * before a manifest may point at it.
	 * @param flusher flushes each copy written or found, while the next ones are written
	 */
	HashedCopyWriter(Path root, Digester digester, int digestLength, Set<AssetPath> durable, Flusher flusher) {
		this.root = root;
		this.digester = digester;
		this.digestLength = digestLength;
		this.durable = durable;
		this.flusher = flusher;
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
		return writeCopy(file, (channel) -> this.digester.copy(source, channel, Integrity.appliesTo(file)));
	}

	/** Writes what {@code content} writes (rewritten CSS, say) as the hashed copy of {@code file}. */
	Copy write(AssetPath file, Digester.ContentWriter content) {
		return writeCopy(file, (channel) -> {
			try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE)) {
				return this.digester.write(content, out, Integrity.appliesTo(file));
			}
		});
	}

	private Copy writeCopy(AssetPath file, DigestingWrite write) {
		Path temp = null;
		boolean moved = false;
		try {
			temp = AtomicFiles.newTempFile(file.resolveAgainst(this.root));
			Digest digest;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				digest = write.to(channel);
			}
			AssetPath hashed = HashedName.of(file, digest.forName(this.digestLength));
			if (isInPlace(file, hashed, digest)) {
				return new Copy(ManifestEntry.of(hashed, digest), false);
			}
			Path target = hashed.resolveAgainst(this.root);
			AtomicFiles.rename(temp, target);
			moved = true;
			this.flusher.flushLater(target);
			return new Copy(ManifestEntry.of(hashed, digest), true);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + " in " + this.root + ": " + ex, ex);
		}
		finally {
			if (!moved) {
				AtomicFiles.deleteQuietly(temp);
			}
		}
	}

	/** Writes a copy into a temporary file and returns the digest of what it wrote. */
	@FunctionalInterface
	private interface DigestingWrite {

		Digest to(FileChannel channel) throws IOException;

	}

	/** Waits until every copy written or found so far is durable under its name. */
	void awaitDurable() {
		this.flusher.awaitAll();
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
			this.flusher.flushLater(target);
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


}
