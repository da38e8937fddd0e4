package io.github.assetbust.core.digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Computes the name digest of a file, and its integrity value when asked, in one streaming pass,
 * optionally writing the same bytes elsewhere so that a copy's name is the digest of exactly what
 * was written.
 */
public final class Digester {

	private static final int BUFFER_SIZE = 64 * 1024;

	/** One a thread: the hash stage copies on a few threads, thousands of files each. */
	private static final ThreadLocal<ByteBuffer> COPY_BUFFER = ThreadLocal
		.withInitial(() -> ByteBuffer.allocate(256 * 1024));

	private final DigestAlgorithm algorithm;

	public Digester(DigestAlgorithm algorithm) {
		this.algorithm = algorithm;
	}

	public DigestAlgorithm algorithm() {
		return this.algorithm;
	}

	/** Digests {@code file} for its name, without keeping it in memory; no integrity value. */
	public Digest digest(Path file) throws IOException {
		return copy(file, Channels.newChannel(OutputStream.nullOutputStream()), false);
	}

	/** Digests bytes already in memory (rewritten CSS, for instance). */
	public Digest digest(byte[] content, boolean withIntegrity) {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = withIntegrity ? Integrity.newDigest() : null;
		name.update(content);
		if (integrity != null) {
			integrity.update(content);
		}
		return finish(name, integrity, content.length);
	}

	/**
	 * Passes on to {@code target} what {@code content} writes, and returns the digest of those
	 * bytes: a rewritten stylesheet is digested as it is written, never held whole.
	 */
	public Digest write(ContentWriter content, OutputStream target, boolean withIntegrity) throws IOException {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = withIntegrity ? Integrity.newDigest() : null;
		long[] size = new long[1];
		OutputStream digesting = new FilterOutputStream(target) {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				name.update(bytes, offset, length);
				if (integrity != null) {
					integrity.update(bytes, offset, length);
				}
				size[0] += length;
				this.out.write(bytes, offset, length);
			}

		};
		content.writeTo(digesting);
		digesting.flush();
		return finish(name, integrity, size[0]);
	}

	/** Writes content to a stream. */
	@FunctionalInterface
	public interface ContentWriter {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Copies {@code file} into {@code target}, reading it once, and returns the digest of the bytes
	 * copied: the hashed copy's way, with a buffer large enough that a typical asset is one read
	 * and one write.
	 */
	public Digest copy(Path file, WritableByteChannel target, boolean withIntegrity) throws IOException {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = withIntegrity ? Integrity.newDigest() : null;
		ByteBuffer buffer = COPY_BUFFER.get();
		long size = 0;
		// a file swapped for a link after the scan is refused, not followed out of the root
		try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			while (in.read(buffer.clear()) >= 0) {
				buffer.flip();
				name.update(buffer.array(), 0, buffer.limit());
				if (integrity != null) {
					integrity.update(buffer.array(), 0, buffer.limit());
				}
				size += buffer.limit();
				while (buffer.hasRemaining()) {
					target.write(buffer);
				}
			}
		}
		return finish(name, integrity, size);
	}

	/**
	 * Digests what is left of {@code in} (a classpath resource, say) without keeping it in memory;
	 * the caller closes the stream.
	 */
	public Digest digest(InputStream in, boolean withIntegrity) throws IOException {
		return copy(in, OutputStream.nullOutputStream(), withIntegrity);
	}

	private Digest copy(InputStream in, OutputStream target, boolean withIntegrity) throws IOException {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = withIntegrity ? Integrity.newDigest() : null;
		long size = 0;
		byte[] buffer = new byte[BUFFER_SIZE];
		int read;
		while ((read = in.read(buffer)) != -1) {
			name.update(buffer, 0, read);
			if (integrity != null) {
				integrity.update(buffer, 0, read);
			}
			target.write(buffer, 0, read);
			size += read;
		}
		return finish(name, integrity, size);
	}

	private static Digest finish(MessageDigest name, MessageDigest integrity, long size) {
		return new Digest(HexFormat.of().formatHex(name.digest()),
				(integrity != null) ? Integrity.valueOf(integrity) : null, size);
	}

}
