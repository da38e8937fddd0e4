package io.github.assetbust.core.rewrite;

import java.util.List;
import java.util.Map;

import io.github.assetbust.core.path.AssetPath;

/**
 * How to build an asset tree.
 * @param levels every asset, in levels: each asset one level above the deepest asset it
 * references, so that a level can be hashed all at once once the levels below it are
 * @param toRewrite the assets whose content is rewritten, by path
 * @param outcomes for every asset, how its references end
 * @param targets for every asset, the assets its references point at
 * @param report what happens to every reference
 */
public record RewritePlan(List<List<AssetPath>> levels, Map<AssetPath, AssetToRewrite> toRewrite,
		Map<AssetPath, Map<ReferenceOutcome, Integer>> outcomes, Map<AssetPath, List<AssetPath>> targets,
		ReferenceReport report) {

	/** How many assets the plan holds. */
	public int size() {
		return this.levels.stream().mapToInt(List::size).sum();
	}

}
