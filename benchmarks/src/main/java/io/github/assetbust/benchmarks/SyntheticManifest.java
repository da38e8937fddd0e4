package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
/**
 * A manifest of any size without the files behind it, for measuring how loading grows with the
 * entry count (a load reads only the manifest). Entries look like {@link TreeGenerator}'s: a
 * tenth stylesheets and a tenth scripts with integrity values, the rest images and fonts without,
 * a thousand files a folder: {@code css/area12/style12345.css} →
 * {@code css/area12/style12345-<md5>.css}. Always the same bytes for the same count.
 */
public final class SyntheticManifest {

	/** {@code main.css}, so that the bare-name lookup has an entry as in the built tree. */
	public static final String MAIN = BenchmarkTree.MAIN;

	private SyntheticManifest() {
	}

	/** Writes a manifest of {@code entries} entries (one of them {@link #MAIN}) to {@code file}. */
	public static void write(int entries, Path file) throws IOException {
		ManifestStore.write(of(entries), file);
	}

	static Manifest of(int entries) {
		MessageDigest md5 = digest("MD5");
		MessageDigest sha384 = digest("SHA-384");
		Map<AssetPath, ManifestEntry> assets = new TreeMap<>();
		assets.put(AssetPath.of(MAIN), entry(MAIN, md5, sha384, true, 20));
		for (int i = 1; i < entries; i++) {
			String folder = switch (i % 10) {
				case 0 -> "css/area" + (i / 1000) + "/style" + i + ".css";
				case 1 -> "js/area" + (i / 1000) + "/module" + i + ".js";
				case 2, 3 -> "fonts/area" + (i / 1000) + "/font" + i + ".woff2";
				default -> "img/area" + (i / 1000) + "/image" + i + ".png";
			};
			assets.put(AssetPath.of(folder), entry(folder, md5, sha384, i % 10 < 2, 100 + i % 5000));
		}
		return new Manifest(DigestAlgorithm.MD5, null, assets);
	}

	private static ManifestEntry entry(String original, MessageDigest md5, MessageDigest sha384, boolean integrity,
			long size) {
		byte[] name = original.getBytes(StandardCharsets.UTF_8);
		int dot = original.lastIndexOf('.');
		String hashed = original.substring(0, dot) + "-" + HexFormat.of().formatHex(md5.digest(name))
				+ original.substring(dot);
		return new ManifestEntry(AssetPath.of(hashed),
				integrity ? "sha384-" + Base64.getEncoder().encodeToString(sha384.digest(name)) : null, size);
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
