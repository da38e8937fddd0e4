package io.github.assetbust.core.manifest;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.AssetPath;

/**
 * The map from original asset path to hashed copy. Immutable; entries are kept sorted (the map
 * {@link #assets()} returns is a {@link java.util.SortedMap}) so that writing the same manifest
 * twice gives the same bytes.
 * @param algorithm the digest in the hashed names, or {@code null} if the manifest did not say
 * @param generated when the build ran, or {@code null} for a reproducible build
 * @param assets the entries by original path
 */
public record Manifest(DigestAlgorithm algorithm, Instant generated, Map<AssetPath, ManifestEntry> assets) {

	/** The only format version this code writes. */
	public static final int VERSION = 1;

	public Manifest {
		assets = SortedAssets.of(assets);
	}

	public static Manifest empty() {
		return new Manifest(null, null, Map.of());
	}

	/** Every hashed copy this manifest points at. */
	public Set<AssetPath> hashedPaths() {
		return this.assets.values().stream().map(ManifestEntry::path).collect(Collectors.toUnmodifiableSet());
	}

	public int size() {
		return this.assets.size();
	}

}
