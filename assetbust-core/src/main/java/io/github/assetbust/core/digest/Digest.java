package io.github.assetbust.core.digest;

/**
 * What assetbust knows about the exact bytes of one file.
 * @param hex the full hex digest of the configured algorithm, the part that goes into names
 * @param integrity the Subresource Integrity value, {@code sha384-<base64>}, or {@code null} when it
 * was not computed (see {@link Integrity})
 * @param size the byte count
 */
public record Digest(String hex, String integrity, long size) {

	/** The digest as it appears in a file name, cut to {@code length} hex characters. */
	public String forName(int length) {
		return this.hex.substring(0, Math.min(length, this.hex.length()));
	}

}
