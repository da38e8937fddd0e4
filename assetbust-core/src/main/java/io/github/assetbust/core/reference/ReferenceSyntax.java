package io.github.assetbust.core.reference;

import java.util.List;
import java.util.Locale;

import io.github.assetbust.core.path.AssetPath;

/**
 * One language's way of writing references to other files. Content is read one char a byte
 * (ISO-8859-1), so that offsets are byte offsets and rewriting leaves unknown bytes untouched.
 */
public interface ReferenceSyntax {

	/** The references in {@code content}, in order. */
	List<Reference> find(TextBytes content);

	/** The references in {@code content}, whose every char is one byte (ISO-8859-1). */
	default List<Reference> find(String content) {
		return find(TextBytes.latin1(content));
	}

	/** The syntax that applies to {@code path}, or {@code null} if its kind of file has no references. */
	static ReferenceSyntax forPath(AssetPath path) {
		return switch (path.extension().toLowerCase(Locale.ROOT)) {
			case "css" -> CssReferences.INSTANCE;
			case "js", "mjs", "cjs" -> SourceMapReferences.INSTANCE;
			default -> null;
		};
	}

}
