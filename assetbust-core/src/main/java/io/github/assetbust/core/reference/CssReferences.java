package io.github.assetbust.core.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References in CSS: {@code url(...)} in every quoting style, {@code @import "x.css"}, the strings
 * of {@code image-set()} and {@code -webkit-image-set()}, and a {@code /*# sourceMappingURL=x *}{@code /}
 * comment. A small tokenizer rather than a regular expression, so that text inside comments and
 * unrelated strings ({@code content: "url(x)"}) is never taken for a reference.
 */
public final class CssReferences implements ReferenceSyntax {

	public static final CssReferences INSTANCE = new CssReferences();

	private static final Pattern SOURCE_MAP_COMMENT = Pattern.compile("^\\s*[#@]\\s*sourceMappingURL=(\\S+)\\s*$");

	private CssReferences() {
	}

	@Override
	public List<Reference> find(TextBytes css) {
		return new Tokenizer(css).references();
	}

	private static final class Tokenizer {

		private final TextBytes css;

		private final LineCounter lines;

		private final List<Reference> references = new ArrayList<>();

		/** One entry per open parenthesis: whether it opened an image-set function. */
		private final Deque<Boolean> functions = new ArrayDeque<>();

		private boolean afterImport;

		private int i;

		Tokenizer(TextBytes css) {
			this.css = css;
			this.lines = new LineCounter(css);
		}

		List<Reference> references() {
			int n = this.css.length();
			while (this.i < n) {
				char c = this.css.charAt(this.i);
				if (c == '/' && this.i + 1 < n && this.css.charAt(this.i + 1) == '*') {
					comment();
				}
				else if (c == '"' || c == '\'') {
					int end = endOfString(this.i);
					if (this.afterImport || Boolean.TRUE.equals(this.functions.peek())) {
						add(this.i + 1, end);
					}
					this.afterImport = false;
					this.i = end + 1;
				}
				else if (c == '\\') {
					this.afterImport = false;
					this.i += 2;
				}
				else if (isIdentifierStart(c)) {
					identifier();
				}
				else {
					if (c == '(') {
						this.functions.push(false);
					}
					else if (c == ')' && !this.functions.isEmpty()) {
						this.functions.pop();
					}
					if (!Character.isWhitespace(c)) {
						this.afterImport = false;
					}
					this.i++;
				}
			}
			return this.references;
		}

		private void comment() {
			int bodyStart = this.i + 2;
			int close = this.css.indexOf("*/", bodyStart);
			int bodyEnd = (close < 0) ? this.css.length() : close;
			if (isSourceMapComment(bodyStart, bodyEnd)) {
				Matcher sourceMap = SOURCE_MAP_COMMENT.matcher(this.css.substring(bodyStart, bodyEnd));
				if (sourceMap.matches()) {
					add(bodyStart + sourceMap.start(1), bodyStart + sourceMap.end(1));
				}
			}
			this.i = (close < 0) ? this.css.length() : close + 2;
		}

		/**
		 * A comment that may be a source map's: its body starts, after whitespace, with {@code #} or
		 * {@code @}. Every other comment, licence headers included, is skipped without a copy.
		 */
		private boolean isSourceMapComment(int bodyStart, int bodyEnd) {
			int j = bodyStart;
			while (j < bodyEnd && Character.isWhitespace(this.css.charAt(j))) {
				j++;
			}
			return j < bodyEnd && (this.css.charAt(j) == '#' || this.css.charAt(j) == '@');
		}

		private void identifier() {
			int start = this.i;
			this.i++;
			while (this.i < this.css.length() && isIdentifierPart(this.css.charAt(this.i))) {
				this.i++;
			}
			int end = this.i;
			if (isName(start, end, "@import")) {
				this.afterImport = true;
				return;
			}
			this.afterImport = false;
			if (this.i < this.css.length() && this.css.charAt(this.i) == '(') {
				this.i++;
				if (isName(start, end, "url")) {
					url();
				}
				else {
					this.functions.push(isName(start, end, "image-set") || isName(start, end, "-webkit-image-set"));
				}
			}
		}

		/** Whether the identifier from {@code start} to {@code end} is {@code name}, in any case. */
		private boolean isName(int start, int end, String name) {
			return end - start == name.length() && this.css.regionMatches(start, name, true);
		}

		/** After {@code url(}: a quoted or unquoted URL, then the closing parenthesis. */
		private void url() {
			int n = this.css.length();
			skipWhitespace();
			if (this.i < n && (this.css.charAt(this.i) == '"' || this.css.charAt(this.i) == '\'')) {
				int end = endOfString(this.i);
				add(this.i + 1, end);
				this.i = end + 1;
			}
			else {
				int start = this.i;
				while (this.i < n && this.css.charAt(this.i) != ')' && !Character.isWhitespace(this.css.charAt(this.i))) {
					this.i = (this.css.charAt(this.i) == '\\') ? endOfEscape(this.i) : this.i + 1;
				}
				this.i = Math.min(this.i, n);
				add(start, this.i);
			}
			int close = this.css.indexOf(")", this.i);
			this.i = (close < 0) ? n : close + 1;
		}

		/**
		 * The index after the escape whose backslash is at {@code backslash}: up to six hex digits and
		 * the one whitespace that may end them ({@code \\20 }), or else the one escaped character.
		 */
		private int endOfEscape(int backslash) {
			int n = this.css.length();
			int j = backslash + 1;
			while (j < n && j < backslash + 7 && Character.digit(this.css.charAt(j), 16) >= 0) {
				j++;
			}
			if (j == backslash + 1) {
				return j + 1;
			}
			if (j + 1 < n && this.css.charAt(j) == '\r' && this.css.charAt(j + 1) == '\n') {
				return j + 2;
			}
			return (j < n && " \t\n\r\f".indexOf(this.css.charAt(j)) >= 0) ? j + 1 : j;
		}

		/** The index of the quote that closes the string opened at {@code open}, or of the line end. */
		private int endOfString(int open) {
			char quote = this.css.charAt(open);
			int j = open + 1;
			while (j < this.css.length()) {
				char c = this.css.charAt(j);
				if (c == '\\') {
					j += 2;
					continue;
				}
				if (c == quote || c == '\n') {
					return j;
				}
				j++;
			}
			return this.css.length();
		}

		private void skipWhitespace() {
			while (this.i < this.css.length() && Character.isWhitespace(this.css.charAt(this.i))) {
				this.i++;
			}
		}

		private void add(int start, int end) {
			int clampedEnd = Math.min(end, this.css.length());
			if (clampedEnd > start) {
				this.references.add(new Reference(this.css.substring(start, clampedEnd), start, clampedEnd,
						this.lines.lineAt(start)));
			}
		}

		private static boolean isIdentifierStart(char c) {
			return Character.isLetter(c) || c == '-' || c == '_' || c == '@' || c >= 0x80;
		}

		private static boolean isIdentifierPart(char c) {
			return isIdentifierStart(c) || Character.isDigit(c);
		}

	}

}
