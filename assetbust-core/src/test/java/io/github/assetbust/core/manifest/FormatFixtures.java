package io.github.assetbust.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.build.BuildCache;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.Generations;
import io.github.assetbust.core.rewrite.ReferenceOutcome;

/**
 * The files under {@code formats/} were written by assetbust 0.1.0 (with Jackson 3 databind) from
 * the values below. Writers must keep producing exactly these bytes, so that a reproducible build
 * gives the same manifest whichever assetbust version wrote it, and readers must keep reading them.
 */
public final class FormatFixtures {

	public static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	static final Instant GENERATED = Instant.parse("2026-11-25T15:00:00Z");

	private FormatFixtures() {
	}

	public static byte[] bytes(String name) {
		try (InputStream in = FormatFixtures.class.getResourceAsStream("formats/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No fixture formats/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Entries with and without integrity and size, a size past {@code int}, and keys that need
	 * escaping or are not ASCII: every way the JSON writer can take.
	 */
	static Map<AssetPath, ManifestEntry> assets() {
		Map<AssetPath, ManifestEntry> assets = new LinkedHashMap<>();
		put(assets, "js/app.min.js", "js/app.min-" + MD5 + ".js", "sha384-abc+/=", 42);
		put(assets, "css/main.css", "css/main-" + MD5 + ".css", "sha384-def", 1234);
		put(assets, "img/ünïcødé 图.png", "img/ünïcødé 图-" + MD5 + ".png", null, 0);
		put(assets, "fonts/a \"q\" \u2028.woff2", "fonts/a \"q\" \u2028-" + MD5 + ".woff2",
				"x\"\\\t\u0001\u007f\u2028/", -1);
		put(assets, "LICENSE", "LICENSE-" + MD5, "sha512-x", 9_876_543_210L);
		put(assets, "js/<script>&.js", "js/<script>&-" + MD5 + ".js", null, 7);
		return assets;
	}

	private static void put(Map<AssetPath, ManifestEntry> assets, String original, String path, String integrity,
			long size) {
		assets.put(AssetPath.of(original), new ManifestEntry(AssetPath.of(path), integrity, size));
	}

	/** What {@code manifest-v1.json} holds. */
	static Manifest manifest() {
		return new Manifest(DigestAlgorithm.MD5, GENERATED, assets());
	}

	/** What {@code manifest-v1-reproducible.json} holds. */
	static Manifest reproducibleManifest() {
		return new Manifest(DigestAlgorithm.SHA256, null, assets());
	}

	/** What {@code generations.json} holds: one generation with no files, one with a fraction of a second. */
	public static Generations generations() {
		return new Generations(List.of(
				new Generations.Generation(GENERATED,
						Set.of(AssetPath.of("css/main-" + MD5 + ".css"), AssetPath.of("img/ünïcødé 图-" + MD5 + ".png"))),
				new Generations.Generation(Instant.parse("2026-11-24T15:00:00.5Z"), Set.of()),
				new Generations.Generation(Instant.parse("2026-11-23T15:00:00Z"), Set.of(AssetPath.of("a.css")))));
	}

	/** The stamp of {@code css/main.css} in {@code build-cache.json}. */
	static final String MAIN_STAMP = "12/2026-11-25T15:00:00Z/(dev=803,ino=5)";

	/** The stamp of the image in {@code build-cache.json}. */
	public static final String IMAGE_STAMP = "0/2026-11-25T15:00:00Z/(dev=803,ino=6)";

	/** What {@code build-cache.json} holds, for {@code md5:32}. */
	public static Map<AssetPath, BuildCache.Entry> cacheEntries() {
		Map<AssetPath, ManifestEntry> assets = assets();
		Map<ReferenceOutcome, Integer> outcomes = new EnumMap<>(ReferenceOutcome.class);
		outcomes.put(ReferenceOutcome.REWRITTEN, 3);
		outcomes.put(ReferenceOutcome.CYCLE, 1);
		Map<Compression, Boolean> variants = new EnumMap<>(Compression.class);
		variants.put(Compression.GZIP, true);
		variants.put(Compression.BR, false);
		Map<AssetPath, BuildCache.Entry> entries = new LinkedHashMap<>();
		entries.put(AssetPath.of("css/main.css"),
				new BuildCache.Entry(MAIN_STAMP, assets.get(AssetPath.of("css/main.css")), outcomes, variants));
		AssetPath image = AssetPath.of("img/ünïcødé 图.png");
		entries.put(image, new BuildCache.Entry(IMAGE_STAMP, assets.get(image), Map.of(), Map.of()));
		return entries;
	}

}
