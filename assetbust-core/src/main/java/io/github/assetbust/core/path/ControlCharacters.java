package io.github.assetbust.core.path;

/**
 * Makes a name from outside (a file name, a path a template asked for) safe to print on one line
 * of a log or a terminal: control characters and line separators become escapes such as
 * {@code \n} and {@code \u001b}, so that no name can end a line early or forge the next one.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** {@code text} with every control character and line separator escaped; the same instance if none. */
	public static String escape(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String escape = escapeOf(c);
			if (escape != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
			}
			if (escaped != null) {
				escaped.append((escape != null) ? escape : String.valueOf(c));
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	private static String escapeOf(char c) {
		return switch (c) {
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
					? String.format("\\u%04x", (int) c) : null;
		};
	}

}
