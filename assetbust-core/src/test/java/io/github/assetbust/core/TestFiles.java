package io.github.assetbust.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.path.AssetPath;

/** Independent helpers for tests: digests straight from the JDK, files on a real file system. */
public final class TestFiles {

	private TestFiles() {
	}

	public static Path write(Path root, String relative, String content) throws IOException {
		return write(root, relative, content.getBytes(StandardCharsets.UTF_8));
	}

	public static Path write(Path root, String relative, byte[] content) throws IOException {
		Path file = root.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.write(file, content);
	}

	public static String hex(String jcaAlgorithm, byte[] bytes) {
		return HexFormat.of().formatHex(messageDigest(jcaAlgorithm).digest(bytes));
	}

	public static String md5(byte[] bytes) {
		return hex("MD5", bytes);
	}

	public static String md5(Path file) throws IOException {
		return md5(Files.readAllBytes(file));
	}

	public static String sha256(byte[] bytes) {
		return hex("SHA-256", bytes);
	}

	public static String integrity(byte[] bytes) {
		return "sha384-" + Base64.getEncoder().encodeToString(messageDigest("SHA-384").digest(bytes));
	}

	private static MessageDigest messageDigest(String jcaAlgorithm) {
		try {
			return MessageDigest.getInstance(jcaAlgorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every regular file under {@code root} but the build's state files, as {@code /}-separated relative paths; links are not followed. */
	public static List<String> regularFiles(Path root) throws IOException {
		return allRegularFiles(root).stream().filter((path) -> !STATE_FILE.matcher(path).find()).toList();
	}

	/**
	 * What a build keeps beside its manifest: what it remembers between runs
	 * ({@code .asset-manifest.json.cache.json}) and its lock.
	 */
	private static final Pattern STATE_FILE = Pattern
		.compile("(^|/)\\.[^/]+\\.((cache|generations)\\.json|up-to-date\\.properties|lock)$");

	/** Every regular file under {@code root}, including the build's state files. */
	public static List<String> allRegularFiles(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.map((path) -> AssetPath.relative(root, path).toString())
				.sorted()
				.toList();
		}
	}

	/** Every leftover temporary file under {@code root}. */
	public static List<String> tempFiles(Path root) throws IOException {
		return allRegularFiles(root).stream().filter((path) -> path.endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
	}

	public static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
