package io.github.assetbust.core.reference;

/** Turns offsets into 1-based line numbers, for offsets asked for in increasing order. */
final class LineCounter {

	private final TextBytes content;

	private int offset;

	private int line = 1;

	LineCounter(TextBytes content) {
		this.content = content;
	}

	int lineAt(int index) {
		if (index < this.offset) {
			this.offset = 0;
			this.line = 1;
		}
		for (; this.offset < index; this.offset++) {
			char c = this.content.charAt(this.offset);
			// CSS ends a line with \n, \r\n, \r or \f
			boolean crBeforeLf = c == '\r' && this.offset + 1 < this.content.length()
					&& this.content.charAt(this.offset + 1) == '\n';
			if (c == '\n' || c == '\f' || (c == '\r' && !crBeforeLf)) {
				this.line++;
			}
		}
		return this.line;
	}

}
