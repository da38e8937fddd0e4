package io.github.assetbust.spring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.assetbust.core.AssetPath;
import io.github.assetbust.core.Manifest;
import io.github.assetbust.core.ManifestEntry;

/**
 * An immutable lookup table built once per manifest, so that resolving a URL is one hash-map read:
 * every accepted spelling of a path ({@code css/main.css}, {@code /css/main.css}, bare
 * {@code main.css}) is a key of its own.
 */
public final class AssetIndex {

	private static final AssetIndex EMPTY = new AssetIndex(Manifest.empty());

	private final Manifest manifest;

	private final Map<String, Target> targets;

	private final Set<String> hashedPaths;

	private AssetIndex(Manifest manifest) {
		this.manifest = manifest;
		this.targets = new HashMap<>(manifest.size() * 4);
		this.hashedPaths = new HashSet<>(manifest.size() * 2);
		manifest.assets().forEach((original, entry) -> {
			Target target = Target.of(entry);
			this.targets.put(original.toString(), target);
			this.targets.put("/" + original, target);
			this.hashedPaths.add(entry.path().toString());
		});
		// bare names come second, so that an exact key always wins over a folder-by-extension guess
		manifest.assets().forEach((original, entry) -> {
			String bare = withoutExtensionFolder(original);
			if (bare != null) {
				Target target = this.targets.get(original.toString());
				this.targets.putIfAbsent(bare, target);
				this.targets.putIfAbsent("/" + bare, target);
			}
		});
	}

	public static AssetIndex of(Manifest manifest) {
		return new AssetIndex(manifest);
	}

	public static AssetIndex empty() {
		return EMPTY;
	}

	/** {@code main.css} for {@code css/main.css}; {@code null} when the folder is not the extension. */
	private static String withoutExtensionFolder(AssetPath original) {
		String prefix = original.extension() + "/";
		String path = original.toString();
		return (!original.extension().isEmpty() && path.startsWith(prefix)) ? path.substring(prefix.length()) : null;
	}

	/** The target for a path as a template wrote it (no query or fragment), or {@code null}. */
	public Target find(String path) {
		Target target = this.targets.get(path);
		if (target == null && !path.isEmpty()) {
			target = findNormalised(path);
		}
		return target;
	}

	private Target findNormalised(String path) {
		try {
			String normalised = AssetPath.of(path).toString();
			return normalised.equals(path) ? null : this.targets.get(normalised);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Whether {@code path} (root-relative, decoded) is a hashed copy this manifest lists. */
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
	 * @param urlPath the hashed path with a leading {@code /}
	 * @param integrity its Subresource Integrity value, or {@code null}
	 */
	public record Target(String urlPath, String integrity) {

		static Target of(ManifestEntry entry) {
			return new Target("/" + entry.path(), entry.integrity());
		}

	}

}
