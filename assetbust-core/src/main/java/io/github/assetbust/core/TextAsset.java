package io.github.assetbust.core;

import java.util.List;

/**
 * A CSS or JavaScript asset whose references a build rewrites.
 * @param path where it is
 * @param stamp the stamp of the file when its references were found, which must still be its stamp
 * when it is rewritten
 * @param references its references to other assets, in order, each with its target
 */
record TextAsset(AssetPath path, String stamp, List<Link> references) {

	/** A reference to another asset and where it points. */
	record Link(Reference reference, ReferenceTarget target) {
	}

}
