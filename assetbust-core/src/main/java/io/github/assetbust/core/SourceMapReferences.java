package io.github.assetbust.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code //# sourceMappingURL=app.js.map} line of a JavaScript file. */
final class SourceMapReferences implements ReferenceSyntax {

	static final SourceMapReferences INSTANCE = new SourceMapReferences();

	// UNIX_LINES: content is one char a byte, so the 0x85 inside a UTF-8 character must not count as a NEL line break
	private static final Pattern SOURCE_MAP_LINE = Pattern
		.compile("(?md)^[ \\t]*//[#@][ \\t]*sourceMappingURL=([^\\s'\"`]+)[ \\t]*\\r?$");

	private SourceMapReferences() {
	}

	@Override
	public List<Reference> find(String js) {
		List<Reference> references = new ArrayList<>();
		LineCounter lines = new LineCounter(js);
		Matcher matcher = SOURCE_MAP_LINE.matcher(js);
		while (matcher.find()) {
			references.add(new Reference(matcher.group(1), matcher.start(1), matcher.end(1),
					lines.lineAt(matcher.start(1))));
		}
		return references;
	}

}
