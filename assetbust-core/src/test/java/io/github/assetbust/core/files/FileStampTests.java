package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.github.assetbust.core.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileStampTests {

	private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

	@TempDir
	Path folder;

	@Test
	void staysTheSameWhileTheFileIsLeftAlone() throws IOException {
		Path file = TestFiles.write(this.folder, "main.css", "a{}");
		assertThat(FileStamp.of(file)).isNotNull().isEqualTo(FileStamp.of(file));
	}

	@Test
	void isWhatTheAttributesOfTheFileSay() throws IOException {
		Path file = TestFiles.write(this.folder, "main.css", "a{}");
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		assertThat(FileStamp.of(attributes)).isEqualTo(FileStamp.of(file));
	}

	@Test
	void changesWhenTheContentChangesEvenWithTheModificationTimeSetBack() throws IOException {
		Path file = TestFiles.write(this.folder, "main.css", "a{}");
		Files.setLastModifiedTime(file, LONG_AGO);
		String before = FileStamp.of(file);
		Files.writeString(file, "a{color:red}");
		Files.setLastModifiedTime(file, LONG_AGO);
		assertThat(FileStamp.of(file)).isNotEqualTo(before);
	}

	@Test
	void changesWhenAnotherFileIsRenamedOverItWithTheSameSizeAndTime() throws IOException {
		Path file = TestFiles.write(this.folder, "main.css", "a{}");
		Files.setLastModifiedTime(file, LONG_AGO);
		String before = FileStamp.of(file);
		Path replacement = TestFiles.write(this.folder, ".main.css.new", "b{}");
		Files.setLastModifiedTime(replacement, LONG_AGO);
		Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		assertThat(FileStamp.of(file)).isNotEqualTo(before);
	}

	@Test
	void isNullForAFileThatIsNotThere() {
		assertThat(FileStamp.of(this.folder.resolve("missing.css"))).isNull();
	}

	@Test
	void describesALinkItselfNotTheFileItLeadsTo() throws IOException {
		Path target = TestFiles.write(this.folder, "main.css", "a{}");
		Path link = Files.createSymbolicLink(this.folder.resolve("link.css"), target);
		assertThat(FileStamp.of(link))
			.isEqualTo(FileStamp.of(Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)))
			.isNotEqualTo(FileStamp.of(target));
	}

	@Test
	void isNotNullForADanglingLink() throws IOException {
		Path link = Files.createSymbolicLink(this.folder.resolve("link.css"), this.folder.resolve("gone.css"));
		assertThat(FileStamp.of(link)).isNotNull();
	}

}
