package io.github.assetbust.resolve;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.Generations;
/**
 * Which manifest is in use: enough to tell whether two servers of a rolling deploy hand out the
 * same URLs, and what the last good load picked up.
 * @param generated when the build that wrote it ran, or {@code null} for a reproducible build
 * @param digest {@code sha256:} and the first 16 hex digits of the SHA-256 of the manifest's bytes:
 * equal manifests, equal digests, with or without a timestamp
 * @param entries how many assets it lists
 * @param retainedGenerations earlier generations on record beside a {@code file:} manifest whose
 * hashed copies are still served; 0 for other manifests
 * @param retainedCopies hashed copies of those generations that the manifest itself does not list
 * @param loadedAt when this process loaded it
 */
public record ManifestGeneration(Instant generated, String digest, int entries, int retainedGenerations,
		int retainedCopies, Instant loadedAt) {

	private static final int DIGEST_HEX_DIGITS = 16;

	/**
	 * @param digest the manifest's bytes as {@link #digest(MessageDigest)} gives it
	 */
	static ManifestGeneration of(Manifest manifest, String digest, Generations generations, Instant loadedAt) {
		if (generations.list().isEmpty()) {
			return new ManifestGeneration(manifest.generated(), digest, manifest.size(), 0, 0, loadedAt);
		}
		Set<AssetPath> current = manifest.hashedPaths();
		int earlier = (int) generations.list()
			.stream()
			.filter((generation) -> !generation.files().equals(current))
			.count();
		int retainedCopies = (int) generations.allFiles().stream().filter((path) -> !current.contains(path)).count();
		return new ManifestGeneration(manifest.generated(), digest, manifest.size(), earlier, retainedCopies, loadedAt);
	}

	/** A digest to feed a manifest's bytes to, as they are read. */
	static MessageDigest digester() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** {@code sha256:} and the first 16 hex digits of what {@code digester} was fed. */
	static String digest(MessageDigest digester) {
		return "sha256:" + HexFormat.of().formatHex(digester.digest()).substring(0, DIGEST_HEX_DIGITS);
	}

}
