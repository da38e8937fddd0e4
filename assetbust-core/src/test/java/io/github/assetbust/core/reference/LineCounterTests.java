package io.github.assetbust.core.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineCounterTests {

	private static final String CSS = "a{}\nb{}\r\nc{}\n\nd{}";

	private static LineCounter counter() {
		return new LineCounter(TextBytes.latin1(CSS));
	}

	@Test
	void theStartIsLineOne() {
		assertThat(counter().lineAt(0)).isEqualTo(1);
	}

	@Test
	void aLineBreakBelongsToTheLineItEnds() {
		LineCounter lines = counter();
		assertThat(lines.lineAt(CSS.indexOf('\n'))).isEqualTo(1);
		assertThat(lines.lineAt(CSS.indexOf('\n') + 1)).isEqualTo(2);
	}

	@Test
	void countsCarriageReturnLineFeedAsOneBreak() {
		assertThat(counter().lineAt(CSS.indexOf("c{}"))).isEqualTo(3);
	}

	@Test
	void countsEveryLineOfAnEmptyLine() {
		assertThat(counter().lineAt(CSS.indexOf("d{}"))).isEqualTo(5);
	}

	@Test
	void givesTheSameLinesAskedInOrderAsAskedOneByOne() {
		LineCounter inOrder = counter();
		for (int i = 0; i <= CSS.length(); i++) {
			assertThat(inOrder.lineAt(i)).as("offset %d", i).isEqualTo(counter().lineAt(i));
		}
	}

	@Test
	void startsOverWhenAskedForAnEarlierOffset() {
		LineCounter lines = counter();
		assertThat(lines.lineAt(CSS.indexOf("d{}"))).isEqualTo(5);
		assertThat(lines.lineAt(CSS.indexOf("b{}"))).isEqualTo(2);
	}

	@Test
	void countsALoneCarriageReturnAndAFormFeedAsBreaksAsCssDoes() {
		String css = "a{}\rb{}\fc{}";
		LineCounter lines = new LineCounter(TextBytes.latin1(css));
		assertThat(lines.lineAt(css.indexOf("b{}"))).isEqualTo(2);
		assertThat(lines.lineAt(css.indexOf("c{}"))).isEqualTo(3);
	}

}
