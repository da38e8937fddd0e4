package io.github.assetbust.spring;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.AssetPath;
import io.github.assetbust.core.Manifest;
import io.github.assetbust.core.ManifestEntry;
import io.github.assetbust.core.Urls;

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
		// sized for what they will hold, so that a large manifest is never rehashed
		int bareNames = 0;
		for (AssetPath original : manifest.assets().keySet()) {
			if (extensionFolderLength(original.toString()) > 0) {
				bareNames++;
			}
		}
		this.targets = new HashMap<>(capacity(2 * manifest.size() + 2 * bareNames));
		this.hashedPaths = new HashSet<>(capacity(manifest.size() + retained.size()));
		this.guessedKeys = new HashSet<>(capacity(2 * bareNames));
		retained.forEach((path) -> this.hashedPaths.add(path.toString()));
		Target[] targets = new Target[manifest.size()];
		int i = 0;
		for (Map.Entry<AssetPath, ManifestEntry> asset : manifest.assets().entrySet()) {
			String original = asset.getKey().toString();
			Target target = Target.of(asset.getValue());
			this.targets.put(original, target);
			this.targets.put("/" + original, target);
			this.hashedPaths.add(asset.getValue().path().toString());
			targets[i++] = target;
		}
		// bare names come second, so that an exact key always wins over a folder-by-extension guess
		i = 0;
		for (AssetPath asset : manifest.assets().keySet()) {
			Target target = targets[i++];
			String original = asset.toString();
			int folder = extensionFolderLength(original);
			if (folder > 0) {
				String bare = original.substring(folder);
				if (this.targets.putIfAbsent(bare, target) == null) {
					this.guessedKeys.add(bare);
				}
				String slashed = "/" + bare;
				if (this.targets.putIfAbsent(slashed, target) == null) {
					this.guessedKeys.add(slashed);
				}
			}
		}
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

	/**
	 * How long the folder named after the extension is that {@code path} starts with, with its
	 * {@code /}: 4 for {@code css/main.css}, whose bare name is {@code main.css}; 0 when it starts
	 * with no such folder. Works on the text in place, since it runs for every entry of a manifest.
	 */
	private static int extensionFolderLength(String path) {
		int dot = path.lastIndexOf('.');
		int extension = path.length() - dot - 1;
		// a dot that starts the file name (.htaccess) or none at all is no extension
		if (dot <= path.lastIndexOf('/') + 1 || extension == 0 || path.length() <= extension + 1) {
			return 0;
		}
		return (path.charAt(extension) == '/' && path.regionMatches(0, path, dot + 1, extension)) ? extension + 1 : 0;
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
