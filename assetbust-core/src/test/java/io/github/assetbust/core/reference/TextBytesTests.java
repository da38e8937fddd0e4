package io.github.assetbust.core.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.files.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextBytesTests {

	/** Well past the size up to which files are read rather than mapped. */
	private static final int LARGE = 3 * 1024 * 1024;

	@TempDir
	Path folder;

	/** CSS with every byte value in it, so that nothing but one char a byte reads it back. */
	private static byte[] content(int size) {
		byte[] css = "a{background:url(\"../img/x.png\")}\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] content = new byte[size];
		for (int i = 0; i < size; i++) {
			content[i] = ((i / css.length) % 2 == 0) ? css[i % css.length] : (byte) i;
		}
		return content;
	}

	private static byte[] written(TextBytes text, int start, int end) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		text.writeTo(out, start, end);
		return out.toByteArray();
	}

	private static void assertHolds(TextBytes text, byte[] content) throws IOException {
		assertThat(text.length()).isEqualTo(content.length);
		assertThat(written(text, 0, content.length)).isEqualTo(content);
		assertThat(text.substring(0, content.length)).isEqualTo(new String(content, StandardCharsets.ISO_8859_1));
		for (int i = 0; i < content.length; i += 997) {
			assertThat(text.charAt(i)).as("char at %d", i).isEqualTo((char) (content[i] & 0xff));
		}
	}

	@Test
	void readsASmallFileByteForByte() throws IOException {
		byte[] content = content(5000);
		assertHolds(TextBytes.read(TestFiles.write(this.folder, "small.css", content)), content);
	}

	@Test
	void readsALargeFileByteForByteLikeASmallOne() throws IOException {
		byte[] content = content(LARGE);
		assertHolds(TextBytes.read(TestFiles.write(this.folder, "large.css", content)), content);
	}

	@Test
	void mapsALargeFileRatherThanReadingItOntoTheHeap() throws IOException {
		TextBytes small = TextBytes.read(TestFiles.write(this.folder, "small.css", content(5000)));
		TextBytes large = TextBytes.read(TestFiles.write(this.folder, "large.css", content(LARGE)));
		assertThat(small.bytes().hasArray()).isTrue();
		assertThat(large.bytes().isDirect()).isTrue();
	}

	@Test
	void writesTheSameRegionOfALargeFileAsOfTheSameBytesInMemory() throws IOException {
		byte[] content = content(LARGE);
		TextBytes mapped = TextBytes.read(TestFiles.write(this.folder, "large.css", content));
		TextBytes inMemory = TextBytes.of(content);
		int start = LARGE / 2 - 17;
		int end = LARGE - 5;
		assertThat(written(mapped, start, end)).isEqualTo(written(inMemory, start, end))
			.isEqualTo(Arrays.copyOfRange(content, start, end));
	}

	@Test
	void findsTheSameTextInALargeFileAsInMemory() throws IOException {
		byte[] content = content(LARGE);
		TextBytes mapped = TextBytes.read(TestFiles.write(this.folder, "large.css", content));
		TextBytes inMemory = TextBytes.of(content);
		int from = LARGE - 1000;
		assertThat(mapped.indexOf("url(", from)).isEqualTo(inMemory.indexOf("url(", from)).isPositive();
		assertThat(mapped.lastIndexOf('\n', from)).isEqualTo(inMemory.lastIndexOf('\n', from)).isPositive();
	}

	@Test
	void remembersTheStampOfTheFileItRead() throws IOException {
		Path file = TestFiles.write(this.folder, "main.css", "a{}");
		assertThat(TextBytes.read(file).stamp()).isNotNull().isEqualTo(FileStamp.of(file));
	}

	@Test
	void readsAnEmptyFileAsNoText() throws IOException {
		TextBytes empty = TextBytes.read(TestFiles.write(this.folder, "empty.css", ""));
		assertThat(empty.length()).isZero();
		assertThat(empty.indexOf("url(", 0)).isEqualTo(-1);
		assertThat(written(empty, 0, 0)).isEmpty();
	}

	@Test
	void refusesALinkEvenToAFileBesideIt() throws IOException {
		Path target = TestFiles.write(this.folder, "main.css", "a{}");
		Path link = Files.createSymbolicLink(this.folder.resolve("link.css"), target);
		assertThatThrownBy(() -> TextBytes.read(link)).isInstanceOf(NoSuchFileException.class)
			.hasMessageContaining(link.toString())
			.hasMessageContaining("not a regular file");
	}

	@Test
	void refusesAFolder() throws IOException {
		Path folder = Files.createDirectory(this.folder.resolve("main.css"));
		assertThatThrownBy(() -> TextBytes.read(folder)).isInstanceOf(NoSuchFileException.class)
			.hasMessageContaining("not a regular file");
	}

	@Test
	void regionMatchesOnlyWhereTheWholeTextFitsInside() {
		TextBytes text = TextBytes.latin1("@import url(a.css)");
		assertThat(text.regionMatches(0, "@import", false)).isTrue();
		assertThat(text.regionMatches(text.length() - 1, ")", false)).as("at the very end").isTrue();
		assertThat(text.regionMatches(text.length() - 1, ")x", false)).as("running past the end").isFalse();
		assertThat(text.regionMatches(text.length(), ")", false)).as("after the end").isFalse();
		assertThat(text.regionMatches(-1, "@", false)).as("before the start").isFalse();
	}

	@Test
	void regionMatchesInAnyCaseTextGivenInLowerCase() {
		TextBytes text = TextBytes.latin1("a{background:URL(x.png)}");
		assertThat(text.regionMatches(13, "url", true)).isTrue();
		assertThat(text.regionMatches(13, "url", false)).isFalse();
		assertThat(TextBytes.latin1("url(").regionMatches(0, "URL(", true)).as("the text to find must be in lower case")
			.isFalse();
	}

	@Test
	void indexOfFindsTextAtTheStartAtTheEndAndFromWhereItIsAsked() {
		TextBytes text = TextBytes.latin1("/*a*/b/*c*/");
		assertThat(text.indexOf("/*", 0)).isZero();
		assertThat(text.indexOf("/*", 1)).isEqualTo(6);
		assertThat(text.indexOf("/*", 6)).isEqualTo(6);
		assertThat(text.indexOf("*/", 6)).isEqualTo(text.length() - 2);
	}

	@Test
	void indexOfTakesAStartBeforeTheTextAsItsStartAndFindsNothingPastItsEnd() {
		TextBytes text = TextBytes.latin1("url(x)");
		assertThat(text.indexOf("url(", -5)).isZero();
		assertThat(text.indexOf(")", text.length())).isEqualTo(-1);
		assertThat(text.indexOf(")", text.length() + 10)).isEqualTo(-1);
		assertThat(text.indexOf("url(x)!", 0)).as("longer than what is left").isEqualTo(-1);
	}

	@Test
	void lastIndexOfSearchesBackFromWhereItIsAskedWithinTheText() {
		TextBytes text = TextBytes.latin1("a\nb\nc");
		assertThat(text.lastIndexOf('\n', 100)).isEqualTo(3);
		assertThat(text.lastIndexOf('\n', 2)).isEqualTo(1);
		assertThat(text.lastIndexOf('a', 0)).isZero();
		assertThat(text.lastIndexOf('\n', 0)).isEqualTo(-1);
		assertThat(text.lastIndexOf('a', -1)).isEqualTo(-1);
	}

	@Test
	void readsTextReadOneCharAByteAsTheUtf8ItWas() {
		String latin1 = new String("img/ünïcødé 图.png".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		assertThat(TextBytes.utf8(latin1)).isEqualTo("img/ünïcødé 图.png");
	}

}
