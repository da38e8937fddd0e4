package io.github.assetbust.core;

import java.util.List;

/**
 * A CSS or JavaScript asset whose references a build rewrites.
 * @param path where it is
 * @param content its bytes, one char each (ISO-8859-1), so that rewriting touches nothing else
 * @param references its references to other assets, in order, each with its target
 */
record TextAsset(AssetPath path, String content, List<Link> references) {

	/** A reference to another asset and where it points. */
	record Link(Reference reference, ReferenceTarget target) {
	}

}
