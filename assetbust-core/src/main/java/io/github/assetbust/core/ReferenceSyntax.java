package io.github.assetbust.core;

import java.util.List;
import java.util.Locale;

/**
 * One language's way of writing references to other files. Content is handed over decoded as
 * ISO-8859-1, so that every byte is one char and rewriting leaves unknown bytes untouched.
 */
public interface ReferenceSyntax {

	/** The references in {@code content}, in order. */
	List<Reference> find(String content);

	/** The syntax that applies to {@code path}, or {@code null} if its kind of file has no references. */
	static ReferenceSyntax forPath(AssetPath path) {
		return switch (path.extension().toLowerCase(Locale.ROOT)) {
			case "css" -> CssReferences.INSTANCE;
			case "js", "mjs", "cjs" -> SourceMapReferences.INSTANCE;
			default -> null;
		};
	}

}
