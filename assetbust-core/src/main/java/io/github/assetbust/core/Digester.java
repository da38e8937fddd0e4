package io.github.assetbust.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Computes the name digest and the integrity value of a file in one streaming pass, optionally
 * writing the same bytes elsewhere so that a copy's name is the digest of exactly what was written.
 */
public final class Digester {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final DigestAlgorithm algorithm;

	public Digester(DigestAlgorithm algorithm) {
		this.algorithm = algorithm;
	}

	public DigestAlgorithm algorithm() {
		return this.algorithm;
	}

	/** Digests {@code file} without keeping it in memory. */
	public Digest digest(Path file) throws IOException {
		return copy(file, OutputStream.nullOutputStream());
	}

	/** Digests bytes already in memory (rewritten CSS, for instance). */
	public Digest digest(byte[] content) {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = newIntegrityDigest();
		name.update(content);
		integrity.update(content);
		return finish(name, integrity, content.length);
	}

	/** Streams {@code file} into {@code target} and returns the digest of the bytes streamed. */
	public Digest copy(Path file, OutputStream target) throws IOException {
		MessageDigest name = this.algorithm.newDigest();
		MessageDigest integrity = newIntegrityDigest();
		long size = 0;
		byte[] buffer = new byte[BUFFER_SIZE];
		// a file swapped for a link after the scan is refused, not followed out of the root
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				name.update(buffer, 0, read);
				integrity.update(buffer, 0, read);
				target.write(buffer, 0, read);
				size += read;
			}
		}
		return finish(name, integrity, size);
	}

	private static MessageDigest newIntegrityDigest() {
		try {
			return MessageDigest.getInstance("SHA-384");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime must provide SHA-384", ex);
		}
	}

	private static Digest finish(MessageDigest name, MessageDigest integrity, long size) {
		return new Digest(HexFormat.of().formatHex(name.digest()),
				"sha384-" + Base64.getEncoder().encodeToString(integrity.digest()), size);
	}

}
