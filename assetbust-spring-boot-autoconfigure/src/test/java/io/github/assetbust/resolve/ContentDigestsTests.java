package io.github.assetbust.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import io.github.assetbust.core.digest.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ContentDigestsTests {

	private static final FileTime NOON = FileTime.fromMillis(1_767_268_800_000L);

	@TempDir
	Path root;

	private final ContentDigests digests = new ContentDigests();

	private Resource file(String content) throws IOException {
		Path file = Files.writeString(this.root.resolve("a.css"), content, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, NOON);
		return new FileSystemResource(file);
	}

	@Test
	void digestsTheContentWithMd5AndNoIntegrityUnlessAsked() throws IOException {
		Digest digest = this.digests.digest(file("a { }"), false);
		assertThat(digest.hex()).isEqualTo(TestDigests.md5("a { }"));
		assertThat(digest.integrity()).isNull();
		assertThat(digest.size()).isEqualTo(5);
	}

	@Test
	void addsTheIntegrityWhenAskedLater() throws IOException {
		Resource file = file("a { }");
		this.digests.digest(file, false);
		assertThat(this.digests.digest(file, true).integrity()).isEqualTo(TestDigests.integrity("a { }"));
		assertThat(this.digests.digest(file, false).integrity()).isEqualTo(TestDigests.integrity("a { }"));
	}

	/**
	 * The digest is remembered by size, modification time and inode: an in-place rewrite that keeps
	 * all three (which an editor cannot do, the clock having moved on) is not read again.
	 */
	@Test
	void remembersTheDigestUntilTheFileChanges() throws IOException {
		Resource file = file("a { }");
		assertThat(this.digests.digest(file, false).hex()).isEqualTo(TestDigests.md5("a { }"));
		file("b { }");
		assertThat(this.digests.digest(file, false).hex()).as("same size, time and inode")
			.isEqualTo(TestDigests.md5("a { }"));
		Files.setLastModifiedTime(file.getFile().toPath(), FileTime.fromMillis(NOON.toMillis() + 1));
		assertThat(this.digests.digest(file, false).hex()).isEqualTo(TestDigests.md5("b { }"));
	}

	@Test
	void seesAFileRenamedOverTheOldOneEvenWithTheSameSizeAndTime() throws IOException {
		Resource file = file("a { }");
		this.digests.digest(file, false);
		Path replacement = Files.writeString(this.root.resolve("a.css.tmp"), "c { }", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(replacement, NOON);
		Files.move(replacement, file.getFile().toPath(), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
		assertThat(this.digests.digest(file, false).hex()).isEqualTo(TestDigests.md5("c { }"));
	}

	@Test
	void seesAChangeOfSize() throws IOException {
		Resource file = file("a { }");
		this.digests.digest(file, false);
		file("a { color: red; }");
		assertThat(this.digests.digest(file, false).hex()).isEqualTo(TestDigests.md5("a { color: red; }"));
	}

	@Test
	void digestsAClasspathResource() throws IOException {
		assertThat(this.digests.digest(new ClassPathResource("static/css/classpath.css"), true))
			.isEqualTo(new Digest(TestDigests.md5("p { color: olive; }\n"), TestDigests.integrity("p { color: olive; }\n"),
					20));
	}

	@Test
	void aFileThatIsGoneIsAnIOException() {
		assertThatIOException()
			.isThrownBy(() -> this.digests.digest(new FileSystemResource(this.root.resolve("gone.css")), false));
	}

}
