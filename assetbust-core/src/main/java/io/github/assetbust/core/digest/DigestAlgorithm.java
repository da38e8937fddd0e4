package io.github.assetbust.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import io.github.assetbust.core.AssetbustException;

/** The digest whose hex form goes into hashed file names. */
public enum DigestAlgorithm {

	MD5("MD5", 32), SHA256("SHA-256", 64);

	private final String jcaName;

	private final int hexLength;

	DigestAlgorithm(String jcaName, int hexLength) {
		this.jcaName = jcaName;
		this.hexLength = hexLength;
	}

	/** The name used in manifests and on the command line: {@code md5}, {@code sha256}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How many hex characters the full digest has. */
	public int hexLength() {
		return this.hexLength;
	}

	public MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(this.jcaName);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime must provide " + this.jcaName, ex);
		}
	}

	/** Parses {@code md5}, {@code sha256} or {@code sha-256}, ignoring case. */
	public static DigestAlgorithm fromId(String id) {
		String normalised = id.trim().toLowerCase(Locale.ROOT).replace("-", "");
		for (DigestAlgorithm algorithm : values()) {
			if (algorithm.id().equals(normalised)) {
				return algorithm;
			}
		}
		throw new AssetbustException("Unknown digest algorithm '" + id + "': use md5 or sha256");
	}

}
