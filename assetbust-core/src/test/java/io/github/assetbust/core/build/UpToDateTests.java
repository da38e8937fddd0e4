package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.assetbust.core.rewrite.ReferenceOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of how a build left the tree: read back as written, and never trusted when damaged. */
class UpToDateTests {

	private static final UpToDate RECORD = new UpToDate("ab12", Instant.parse("2026-12-01T10:00:00Z"), 3,
			Map.of(ReferenceOutcome.REWRITTEN, 5, ReferenceOutcome.EXTERNAL, 1), new BuildResult.Variants(0, 4, 1, 0));

	@TempDir
	Path folder;

	@Test
	void readsBackWhatWasWritten() throws IOException {
		Path file = this.folder.resolve(".m.json.up-to-date.properties");
		UpToDate.write(file, RECORD);

		UpToDate read = UpToDate.read(file);

		assertThat(read.tree()).isEqualTo("ab12");
		assertThat(read.until()).isEqualTo(RECORD.until());
		assertThat(read.assets()).isEqualTo(3);
		assertThat(read.references()).containsEntry(ReferenceOutcome.REWRITTEN, 5)
			.containsEntry(ReferenceOutcome.EXTERNAL, 1)
			.containsEntry(ReferenceOutcome.MISSING, 0);
		assertThat(read.variants()).isEqualTo(new BuildResult.Variants(0, 4, 1, 0));
	}

	@Test
	void holdsOnlyForTheSameTreeBeforeItsTime() {
		assertThat(RECORD.holdsFor("ab12", RECORD.until().minusSeconds(1))).isTrue();
		assertThat(RECORD.holdsFor("ab12", RECORD.until())).isFalse();
		assertThat(RECORD.holdsFor("cd34", RECORD.until().minusSeconds(1))).isFalse();
	}

	@Test
	void aDamagedOrMissingRecordIsNoRecord() throws IOException {
		Path file = this.folder.resolve("record.properties");
		assertThat(UpToDate.read(file)).isNull();
		for (String damaged : new String[] { "", "tree=ab12\n", "tree=ab12\nassets=-1\n", "\u0000\u0001garbage",
				Files.exists(file) ? "" : "tree=ab12\nuntil=tomorrow\nassets=1\n" }) {
			Files.writeString(file, damaged);
			assertThat(UpToDate.read(file)).as(damaged).isNull();
		}
	}

	@Test
	void noRecordRemovesTheFile() throws IOException {
		Path file = this.folder.resolve("record.properties");
		UpToDate.write(file, RECORD);
		UpToDate.write(file, null);
		assertThat(file).doesNotExist();
	}

}
