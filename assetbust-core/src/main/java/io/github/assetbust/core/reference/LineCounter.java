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
			if (this.content.charAt(this.offset) == '\n') {
				this.line++;
			}
		}
		return this.line;
	}

}
