package io.github.assetbust.core.manifest;

import io.github.assetbust.core.digest.Digest;
import io.github.assetbust.core.path.AssetPath;

/**
 * One manifest entry: where the hashed copy of an original lives.
 * @param path the hashed copy, relative to the asset root
 * @param integrity the Subresource Integrity value of the hashed copy, or {@code null} when the
 * manifest did not record one: a file no browser checks it on (see {@link Integrity}), or the original
 * script's flat format
 * @param size the byte count of the hashed copy, or {@code -1} when unknown
 */
public record ManifestEntry(AssetPath path, String integrity, long size) {

	public static ManifestEntry of(AssetPath path, Digest digest) {
		return new ManifestEntry(path, digest.integrity(), digest.size());
	}

}
