package io.github.assetbust.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code //# sourceMappingURL=app.js.map} line of a JavaScript file. */
final class SourceMapReferences implements ReferenceSyntax {

	static final SourceMapReferences INSTANCE = new SourceMapReferences();

	private static final String MARKER = "sourceMappingURL=";

	// one line, matched on its own; UNIX_LINES because content is one char a byte, so the 0x85 inside a
	// UTF-8 character must not count as a NEL line break
	private static final Pattern SOURCE_MAP_LINE = Pattern
		.compile("(?d)^[ \\t]*//[#@][ \\t]*sourceMappingURL=([^\\s'\"`]+)[ \\t]*\\r?$");

	private SourceMapReferences() {
	}

	/**
	 * Finds the marker with {@link String#indexOf} and only then matches its line: a regular
	 * expression anchored at every line start of a large bundle was the slowest part of a build.
	 */
	@Override
	public List<Reference> find(String js) {
		List<Reference> references = new ArrayList<>();
		LineCounter lines = new LineCounter(js);
		int marker = js.indexOf(MARKER);
		while (marker >= 0) {
			int lineStart = js.lastIndexOf('\n', marker) + 1;
			int lineEnd = js.indexOf('\n', marker);
			lineEnd = (lineEnd < 0) ? js.length() : lineEnd;
			Matcher matcher = SOURCE_MAP_LINE.matcher(js).region(lineStart, lineEnd);
			if (matcher.matches()) {
				references.add(new Reference(matcher.group(1), matcher.start(1), matcher.end(1),
						lines.lineAt(matcher.start(1))));
			}
			marker = js.indexOf(MARKER, lineEnd);
		}
		return references;
	}

}
