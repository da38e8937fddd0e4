package io.github.assetbust.core.rewrite;

import io.github.assetbust.core.path.AssetPath;

/**
 * A reference a build could not point at a hashed copy.
 * @param file the file the reference is written in
 * @param line its line there
 * @param url the reference as written
 * @param outcome why it was left as it was
 * @param detail what it points at and why that is a problem
 */
public record ReferenceProblem(AssetPath file, int line, String url, ReferenceOutcome outcome, String detail) {

	@Override
	public String toString() {
		return this.file + " line " + this.line + ": '" + this.url + "' " + this.detail;
	}

}
