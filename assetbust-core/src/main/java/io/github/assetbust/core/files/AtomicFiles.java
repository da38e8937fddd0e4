package io.github.assetbust.core.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import io.github.assetbust.core.path.NameLength;

/**
 * Writes a file so that readers see either the old content or the complete new one: a temporary
 * file beside the target, flushed to disk, then renamed over it. Temporary files start with a dot
 * and end in {@code .tmp}, so scans skip them and a later build can recognise leftovers.
 */
public final class AtomicFiles {

	public static final String TEMP_SUFFIX = ".assetbust.tmp";

	private static final int MAX_BASE_BYTES = 200;

	private AtomicFiles() {
	}

	/** Something that writes content to a stream. */
	@FunctionalInterface
	public interface Writer<T> {

		T writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Writes {@code target} atomically. The temporary file is created with the default permissions
	 * of a new file (never more), and removed again if writing fails; the old target then stays as
	 * it was.
	 * @return what {@code writer} returned
	 */
	public static <T> T write(Path target, Writer<T> writer) throws IOException {
		Path temp = newTempFile(target);
		try {
			T result;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
				result = writer.writeTo(out);
				out.flush();
				channel.force(true);
			}
			move(temp, target);
			return result;
		}
		catch (IOException | RuntimeException | Error ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	/**
	 * Creates an empty temporary file beside {@code target}, the first half of an atomic write the
	 * caller finishes with {@link #move}.
	 */
	public static Path newTempFile(Path target) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		String base = shortened(target.getFileName().toString());
		while (true) {
			String name = "." + base + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX;
			try {
				return Files.createFile(folder.resolve(name));
			}
			catch (FileAlreadyExistsException ex) {
				// another writer picked the same random name; draw again
			}
		}
	}

	/**
	 * The target's name cut to {@link #MAX_BASE_BYTES} bytes of UTF-8, so that the temporary name
	 * (which adds up to 33 bytes) stays within the {@link NameLength#MAX_BYTES} file systems allow.
	 */
	private static String shortened(String name) {
		if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BASE_BYTES) {
			return name;
		}
		StringBuilder cut = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < name.length();) {
			int codePoint = name.codePointAt(i);
			int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + length > MAX_BASE_BYTES) {
				break;
			}
			cut.appendCodePoint(codePoint);
			bytes += length;
			i += Character.charCount(codePoint);
		}
		return cut.toString();
	}

	/** Renames {@code temp} over {@code target} atomically and makes the rename durable. */
	public static void move(Path temp, Path target) throws IOException {
		rename(temp, target);
		syncFolder(target.toAbsolutePath().getParent());
	}

	/**
	 * Renames {@code temp} over {@code target} atomically; the caller makes it durable with
	 * {@link #syncFolder} once for many files in one folder.
	 */
	public static void rename(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("Cannot rename " + temp + " to " + target
					+ " atomically; the temporary file and its target must be on one file system", ex);
		}
	}

	/** Flushes a folder's entries (renames into it) to disk. */
	public static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some platforms cannot open a folder for syncing; the rename itself is still atomic
		}
	}

}
