package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTests {

	private final StringWriter written = new StringWriter();

	private final AtomicLong now = new AtomicLong();

	@Test
	void drawsOneUpdatingLineAtMostTenTimesASecondAndWipesIt() {
		ProgressLine progress = new ProgressLine(new PrintWriter(this.written), true, this.now::get);

		progress.hashed(1, 4000);
		progress.hashed(2, 4000);
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
		progress.hashed(1234, 4000);
		progress.hashed(3999, 4000);
		progress.hashed(4000, 4000);
		progress.finish();

		assertThat(this.written.toString()).isEqualTo("\r  hashed 1/4000\r  hashed 1234/4000\r  hashed 4000/4000\r"
				+ " ".repeat("  hashed 4000/4000".length()) + "\r");
	}

	@Test
	void staysSilentForSmallTrees() {
		ProgressLine progress = new ProgressLine(new PrintWriter(this.written), true, this.now::get);

		for (int done = 1; done <= ProgressLine.THRESHOLD; done++) {
			progress.hashed(done, ProgressLine.THRESHOLD);
		}
		progress.finish();

		assertThat(this.written.toString()).isEmpty();
	}

	@Test
	void staysSilentWithoutATerminal() {
		ProgressLine progress = new ProgressLine(new PrintWriter(this.written), false, this.now::get);

		progress.hashed(4000, 4000);
		progress.finish();

		assertThat(this.written.toString()).isEmpty();
	}

	@Test
	void seesNoTerminalInTests() {
		assertThat(ProgressLine.isTerminal()).isFalse();
	}

}
