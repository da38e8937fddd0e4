package io.github.assetbust.core.rewrite;

import java.util.List;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.reference.Reference;
import io.github.assetbust.core.reference.ReferenceTarget;

/**
 * A CSS or JavaScript asset whose references the plan rewrites: which ones, and to what.
 * @param path where it is
 * @param stamp the stamp of the file when its references were found, which must still be its stamp
 * when it is rewritten
 * @param references its references to other assets, in order, each with its target
 */
public record AssetToRewrite(AssetPath path, String stamp, List<Link> references) {

	/** A reference to another asset and where it points. */
	public record Link(Reference reference, ReferenceTarget target) {
	}

}
