package io.github.assetbust.resolve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.Urls;
/**
 * An immutable lookup table built once per manifest, so that resolving a URL is one hash-map read:
 * every accepted spelling of a path ({@code css/main.css}, {@code /css/main.css}, bare
 * {@code main.css}) is a key of its own.
 */
public final class AssetIndex {

	private static final AssetIndex EMPTY = new AssetIndex(Manifest.empty(), Set.of());

	private final Manifest manifest;

	private final Map<String, Target> targets;

	private final Set<String> hashedPaths;

	/** Keys that are a folder-by-extension guess ({@code main.css} for {@code css/main.css}). */
	private final Set<String> guessedKeys;

	private AssetIndex(Manifest manifest, Set<AssetPath> retained) {
		this.manifest = manifest;
		int size = manifest.size();
		String[] exact = new String[2 * size];
		Target[] exactTargets = new Target[2 * size];
		String[] hashed = new String[size + retained.size()];
		String[] bareOf = new String[size];
		int bareNames = 0;
		int i = 0;
		for (Map.Entry<AssetPath, ManifestEntry> asset : manifest.assets().entrySet()) {
			String original = asset.getKey().toString();
			Target target = Target.of(asset.getValue());
			exact[2 * i] = original;
			exact[2 * i + 1] = "/" + original;
			exactTargets[2 * i] = target;
			exactTargets[2 * i + 1] = target;
			hashed[i] = asset.getValue().path().toString();
			bareOf[i++] = asset.getKey().withoutExtensionFolder();
			if (bareOf[i - 1] != null) {
				bareNames++;
			}
		}
		for (AssetPath path : retained) {
			hashed[i++] = path.toString();
		}
		// bare names come second, so that an exact key always wins over a folder-by-extension guess
		String[] bare = new String[2 * bareNames];
		Target[] bareTargets = new Target[2 * bareNames];
		int bareCount = 0;
		for (int entry = 0; entry < size; entry++) {
			if (bareOf[entry] != null) {
				bare[bareCount] = bareOf[entry];
				bare[bareCount + 1] = "/" + bare[bareCount];
				bareTargets[bareCount] = exactTargets[2 * entry];
				bareTargets[bareCount + 1] = exactTargets[2 * entry];
				bareCount += 2;
			}
		}
		// sized for what they will hold, so that a large manifest is never rehashed, and filled in
		// the order of their tables' slots (see SlotOrder)
		int targetsCapacity = capacity(exact.length + bare.length);
		this.targets = new HashMap<>(targetsCapacity);
		int targetsTable = SlotOrder.tableLength(targetsCapacity);
		for (int key : SlotOrder.of(exact, exact.length, targetsTable)) {
			this.targets.put(exact[key], exactTargets[key]);
		}
		String[] guessed = new String[bare.length];
		int guessedCount = 0;
		for (int key : SlotOrder.of(bare, bare.length, targetsTable)) {
			if (this.targets.putIfAbsent(bare[key], bareTargets[key]) == null) {
				guessed[guessedCount++] = bare[key];
			}
		}
		this.hashedPaths = setOf(hashed, hashed.length);
		this.guessedKeys = setOf(guessed, guessedCount);
	}

	private static Set<String> setOf(String[] keys, int count) {
		int capacity = capacity(count);
		Set<String> set = new HashSet<>(capacity);
		for (int key : SlotOrder.of(keys, count, SlotOrder.tableLength(capacity))) {
			set.add(keys[key]);
		}
		return set;
	}

	/** A {@link HashMap} capacity that holds {@code entries} without growing. */
	private static int capacity(int entries) {
		return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(entries / 0.75));
	}

	public static AssetIndex of(Manifest manifest) {
		return new AssetIndex(manifest, Set.of());
	}

	/**
	 * An index that also serves {@code retained} hashed copies: those of earlier generations still
	 * on disk, which pages rendered by servers not yet updated may ask for.
	 */
	public static AssetIndex of(Manifest manifest, Set<AssetPath> retained) {
		return new AssetIndex(manifest, retained);
	}

	public static AssetIndex empty() {
		return EMPTY;
	}

	/** The target for a path as a template wrote it (no query or fragment), or {@code null}. */
	public Target find(String path) {
		Target target = this.targets.get(path);
		if (target == null && !path.isEmpty()) {
			target = findNormalised(path);
		}
		return target;
	}

	/** The target whose key is exactly {@code path}, spelled as it is; {@code null} if none. */
	public Target findExact(String path) {
		return this.targets.get(path);
	}

	/**
	 * The target of a link the application built, such as {@code /css/main.css}: like
	 * {@link #find(String)} but never a folder-by-extension guess, since a link names one URL.
	 */
	public Target findLinked(String path) {
		Target target = find(path);
		return (target != null && !this.guessedKeys.contains(path)) ? target : null;
	}

	/** The slow path of a miss: {@code ./css//main.css}, or a name written percent-encoded. */
	private Target findNormalised(String path) {
		if (!mayNeedNormalising(path)) {
			return null;
		}
		try {
			String normalised = AssetPath.of(path).toString();
			Target target = normalised.equals(path) ? null : this.targets.get(normalised);
			if (target == null && path.indexOf('%') >= 0) {
				target = this.targets.get(AssetPath.of(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).toString());
			}
			return target;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean mayNeedNormalising(String path) {
		return path.startsWith(".") || path.contains("/.") || path.contains("//") || path.indexOf('%') >= 0;
	}

	/**
	 * Whether {@code path} (root-relative, decoded) is a hashed copy this manifest lists, or one of
	 * an earlier generation that is kept.
	 */
	public boolean isHashed(String path) {
		return this.hashedPaths.contains(path);
	}

	public Manifest manifest() {
		return this.manifest;
	}

	public int size() {
		return this.manifest.size();
	}

	/**
	 * Where a path resolves to.
	 * @param urlPath the hashed path with a leading {@code /}, percent-encoded where a URL needs it
	 * ({@code my file.css} is {@code my%20file.css}, {@code a#b.css} is {@code a%23b.css})
	 * @param integrity its Subresource Integrity value, or {@code null}
	 */
	public record Target(String urlPath, String integrity) {

		static Target of(ManifestEntry entry) {
			return new Target(Urls.encodePath("/" + entry.path()), entry.integrity());
		}

	}

}
