package io.github.assetbust.core.reference;

import java.util.List;

/**
 * The {@code //# sourceMappingURL=app.js.map} line of a JavaScript file: the last such comment,
 * with nothing after it but blank lines and other comments, as the source map specification
 * (ECMA-426) finds it without parsing. Only the end of a file is read, so a 50 MB bundle costs
 * no more than a small script.
 */
final class SourceMapReferences implements ReferenceSyntax {

	static final SourceMapReferences INSTANCE = new SourceMapReferences();

	private static final String MARKER = "sourceMappingURL=";

	private SourceMapReferences() {
	}

	/**
	 * Walks back from the end over blank lines, line comments and block comments: the first line
	 * comment that is a source map comment is the one; code, or the start, ends the walk.
	 */
	@Override
	public List<Reference> find(TextBytes js) {
		int end = js.length();
		boolean wholeLine = true;
		while (end > 0) {
			int lineStart = js.lastIndexOf('\n', end - 1) + 1;
			int first = skipBlanks(js, lineStart, end);
			int last = end;
			while (last > first && isBlank(js.charAt(last - 1))) {
				last--;
			}
			if (first == last) {
				end = lineStart - 1;
				wholeLine = true;
				continue;
			}
			if (js.regionMatches(first, "//", false)) {
				Reference reference = wholeLine ? sourceMapComment(js, lineStart, end) : null;
				if (reference != null) {
					return List.of(reference);
				}
				end = lineStart - 1;
				wholeLine = true;
				continue;
			}
			int open = (last - first >= 2 && js.regionMatches(last - 2, "*/", false)) ? js.lastIndexOf("/*", last - 4)
					: -1;
			if (open < 0) {
				// code: any source map comment before it is not the file's
				return List.of();
			}
			end = open;
			wholeLine = false;
		}
		return List.of();
	}

	/** The reference of the line from {@code lineStart} to {@code lineEnd}, if it is a source map comment. */
	private static Reference sourceMapComment(TextBytes js, int lineStart, int lineEnd) {
		int marker = js.indexOf(MARKER, lineStart);
		if (marker < 0 || marker >= lineEnd || !isCommentStart(js, lineStart, marker)) {
			return null;
		}
		int start = marker + MARKER.length();
		int end = start;
		while (end < lineEnd && !isUrlEnd(js.charAt(end))) {
			end++;
		}
		if (end == start || skipBlanks(js, end, lineEnd) != lineEnd) {
			return null;
		}
		return new Reference(js.substring(start, end), start, end, new LineCounter(js).lineAt(start));
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

	private static int skipBlanks(TextBytes js, int from, int to) {
		int i = from;
		while (i < to && isBlank(js.charAt(i))) {
			i++;
		}
		return i;
	}

	/** A space or tab, or the carriage return of a CRLF line end. */
	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r';
	}

	/** ASCII whitespace (one char a byte, 0x85 and 0xA0 are parts of UTF-8 characters) or a quote. */
	private static boolean isUrlEnd(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r') || c == '\'' || c == '"' || c == '`';
	}

}
