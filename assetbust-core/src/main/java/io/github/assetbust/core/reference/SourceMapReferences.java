package io.github.assetbust.core.reference;

import java.util.ArrayList;
import java.util.List;

/** The {@code //# sourceMappingURL=app.js.map} line of a JavaScript file. */
final class SourceMapReferences implements ReferenceSyntax {

	static final SourceMapReferences INSTANCE = new SourceMapReferences();

	private static final String MARKER = "sourceMappingURL=";

	private SourceMapReferences() {
	}

	/**
	 * Finds the marker first and only then reads its line, which must be blanks, {@code //#} (or
	 * {@code //@}), blanks, the marker, the URL and nothing but blanks: a pattern anchored at every
	 * line start of a large bundle was the slowest part of a build, and a minified bundle is one line.
	 */
	@Override
	public List<Reference> find(TextBytes js) {
		List<Reference> references = new ArrayList<>();
		LineCounter lines = new LineCounter(js);
		int marker = js.indexOf(MARKER, 0);
		while (marker >= 0) {
			int lineEnd = js.indexOf("\n", marker);
			lineEnd = (lineEnd < 0) ? js.length() : lineEnd;
			if (isCommentStart(js, js.lastIndexOf('\n', marker) + 1, marker)) {
				int start = marker + MARKER.length();
				int end = start;
				while (end < lineEnd && !isUrlEnd(js.charAt(end))) {
					end++;
				}
				if (end > start && isBlankToLineEnd(js, end, lineEnd)) {
					references.add(new Reference(js.substring(start, end), start, end, lines.lineAt(start)));
				}
			}
			marker = js.indexOf(MARKER, lineEnd);
		}
		return references;
	}

	/** Whether the text from {@code from} to the marker is blanks, {@code //#} or {@code //@}, blanks. */
	private static boolean isCommentStart(TextBytes js, int from, int marker) {
		int i = skipBlanks(js, from, marker);
		if (i + 3 > marker || js.charAt(i) != '/' || js.charAt(i + 1) != '/'
				|| (js.charAt(i + 2) != '#' && js.charAt(i + 2) != '@')) {
			return false;
		}
		return skipBlanks(js, i + 3, marker) == marker;
	}

	private static boolean isBlankToLineEnd(TextBytes js, int from, int lineEnd) {
		int i = skipBlanks(js, from, lineEnd);
		return i == lineEnd || (i == lineEnd - 1 && js.charAt(i) == '\r');
	}

	private static int skipBlanks(TextBytes js, int from, int to) {
		int i = from;
		while (i < to && (js.charAt(i) == ' ' || js.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	/** ASCII whitespace (one char a byte, 0x85 and 0xA0 are parts of UTF-8 characters) or a quote. */
	private static boolean isUrlEnd(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r') || c == '\'' || c == '"' || c == '`';
	}

}
