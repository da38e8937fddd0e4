package io.github.assetbust.core.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

import io.github.assetbust.core.files.FileStamp;


/**
 * The bytes of a CSS or JavaScript file, read one char a byte (ISO-8859-1) by the reference
 * syntaxes, so that a reference's offsets are byte offsets and rewriting leaves every other byte
 * as it was. A large file is mapped rather than read onto the heap: a 50 MB bundle is scanned and
 * rewritten in a few megabytes of heap.
 * @param bytes the content, positions 0 to {@code limit()}; read with absolute gets only
 * @param stamp the file's stamp when it was read, to tell whether it changed since
 */
public record TextBytes(ByteBuffer bytes, String stamp) {

	/** Files up to this size are read; larger ones are mapped. */
	private static final int MAP_THRESHOLD = 1024 * 1024;

	/**
	 * Reads {@code file}, refusing a link.
	 * @throws IOException if it cannot be read, or is 2 GB or more
	 */
	public static TextBytes read(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (!attributes.isRegularFile()) {
			throw new NoSuchFileException(file.toString(), null, "not a regular file");
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			long size = channel.size();
			if (size > Integer.MAX_VALUE) {
				throw new IOException(file + " is " + size + " bytes; CSS and JavaScript over 2 GB are not supported");
			}
			ByteBuffer bytes = (size > MAP_THRESHOLD) ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size)
					: ByteBuffer.wrap(readFully(channel, (int) size));
			return new TextBytes(bytes, FileStamp.of(attributes));
		}
	}

	/** Up to {@code size} bytes: fewer if the file shrank since its size was read (its stamp tells). */
	private static byte[] readFully(FileChannel channel, int size) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(size);
		int read = 0;
		while (buffer.hasRemaining() && read >= 0) {
			read = channel.read(buffer);
		}
		return (buffer.position() == size) ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
	}

	/** Text read one char a byte, as UTF-8: the file names written inside CSS and JavaScript are. */
	public static String utf8(String latin1) {
		return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	/** Wraps bytes already in memory. */
	static TextBytes of(byte[] content) {
		return new TextBytes(ByteBuffer.wrap(content), null);
	}

	/** Wraps text whose every char is one byte (ISO-8859-1). */
	static TextBytes latin1(String content) {
		return of(content.getBytes(StandardCharsets.ISO_8859_1));
	}

	public int length() {
		return this.bytes.limit();
	}

	/** The byte at {@code index} as a char. */
	char charAt(int index) {
		return (char) (this.bytes.get(index) & 0xff);
	}

	/** The chars from {@code start} to {@code end}, one a byte. */
	String substring(int start, int end) {
		byte[] region = new byte[end - start];
		this.bytes.get(start, region);
		return new String(region, StandardCharsets.ISO_8859_1);
	}

	/** Where {@code ascii} next occurs at or after {@code from}, or -1. */
	int indexOf(String ascii, int from) {
		int last = length() - ascii.length();
		char first = ascii.charAt(0);
		for (int i = Math.max(from, 0); i <= last; i++) {
			if (charAt(i) == first && regionMatches(i, ascii, false)) {
				return i;
			}
		}
		return -1;
	}

	/** Where {@code ascii} last starts at or before {@code from}, or -1. */
	int lastIndexOf(String ascii, int from) {
		char first = ascii.charAt(0);
		for (int i = Math.min(from, length() - ascii.length()); i >= 0; i--) {
			if (charAt(i) == first && regionMatches(i, ascii, false)) {
				return i;
			}
		}
		return -1;
	}

	/** Where {@code c} last occurs at or before {@code from}, or -1. */
	int lastIndexOf(char c, int from) {
		for (int i = Math.min(from, length() - 1); i >= 0; i--) {
			if (charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether {@code ascii} is written at {@code offset}; in any case if {@code ignoreCase}, for
	 * which {@code ascii} is given in lower case.
	 */
	boolean regionMatches(int offset, String ascii, boolean ignoreCase) {
		if (offset < 0 || offset + ascii.length() > length()) {
			return false;
		}
		for (int i = 0; i < ascii.length(); i++) {
			char c = charAt(offset + i);
			char expected = ascii.charAt(i);
			if (c != expected && !(ignoreCase && Character.toLowerCase(c) == expected)) {
				return false;
			}
		}
		return true;
	}

	/** Writes the bytes from {@code start} to {@code end} to {@code out}. */
	public void writeTo(OutputStream out, int start, int end) throws IOException {
		if (this.bytes.hasArray()) {
			out.write(this.bytes.array(), this.bytes.arrayOffset() + start, end - start);
			return;
		}
		Channels.newChannel(out).write(this.bytes.slice(start, end - start));
	}

}
