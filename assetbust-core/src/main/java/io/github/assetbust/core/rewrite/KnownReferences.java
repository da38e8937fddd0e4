package io.github.assetbust.core.rewrite;

import java.util.List;
import java.util.Map;

import io.github.assetbust.core.path.AssetPath;

/**
 * What an earlier build learnt of one unchanged file's references, so that the plan need not read
 * it again.
 * @param outcomes how its references ended
 * @param targets the assets its references point at, which order it in the plan's levels
 */
public record KnownReferences(Map<ReferenceOutcome, Integer> outcomes, List<AssetPath> targets) {

	public KnownReferences {
		outcomes = Map.copyOf(outcomes);
		targets = List.copyOf(targets);
	}

}
