package io.github.assetbust.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What DESIGN.md's invariants say about a tree on disk, checked from the test's side: with core's
 * {@link AssetChecker} and, independently of it, with the test's own md5.
 */
final class Invariants {

	static final String MANIFEST = "asset-manifest.json";

	static final String TEMP_SUFFIX = ".assetbust.tmp";

	private static final Pattern MD5_IN_NAME = Pattern.compile("-([0-9a-f]{32})(?:\\.[^.]*)?$");

	private Invariants() {
	}

	/**
	 * Invariants 1 and 2 for the manifest at {@code root/asset-manifest.json}, if there is one: it
	 * parses (never half-written), every entry's file exists with the md5 its name claims, and every
	 * reference inside a rewritten file resolves.
	 * @return the manifest, or {@code null} if there is none
	 */
	static Manifest manifestHolds(Path root, String when) {
		Path file = root.resolve(MANIFEST);
		Manifest manifest;
		try {
			manifest = ManifestStore.read(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | RuntimeException ex) {
			throw new AssertionError(when + ": the manifest does not parse: " + ex.getMessage() + "\n" + content(file), ex);
		}
		for (ManifestEntry entry : manifest.assets().values()) {
			Path hashed = root.resolve(entry.path().toString());
			assertThat(hashed).as("%s: the file of manifest entry %s", when, entry.path()).isRegularFile();
			Matcher digest = MD5_IN_NAME.matcher(entry.path().fileName());
			assertThat(digest.find()).as("%s: %s carries an md5 in its name", when, entry.path()).isTrue();
			assertThat(md5(hashed)).as("%s: the md5 of %s", when, entry.path()).isEqualTo(digest.group(1));
			if (entry.size() >= 0) {
				assertThat(hashed).as("%s: the size of %s", when, entry.path()).hasSize(entry.size());
			}
		}
		AssetChecker.CheckResult check = AssetChecker.check(root, file);
		assertThat(check.problems()).as("%s: core's AssetChecker on the manifest", when).isEmpty();
		return manifest;
	}

	/** Every file the test wrote is still there with the bytes it wrote. */
	static void originalsIntact(Path root, Map<String, byte[]> originals, String when) {
		for (Map.Entry<String, byte[]> original : originals.entrySet()) {
			Path file = root.resolve(original.getKey());
			assertThat(file).as("%s: original %s", when, original.getKey()).isRegularFile();
			try {
				if (!MessageDigest.isEqual(Files.readAllBytes(file), original.getValue())) {
					fail("%s: original %s was modified", when, original.getKey());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** The temporary files of this tool anywhere under {@code folder}, dot folders included. */
	static List<Path> tempFiles(Path folder) {
		List<Path> found = new ArrayList<>();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (file.getFileName().toString().endsWith(TEMP_SUFFIX)) {
						found.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	static String md5(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				md5.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(md5.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(Path file) {
		try {
			return Files.exists(file) ? Files.readAllBytes(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String content(Path file) {
		try {
			String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
			return (text.length() > 2000) ? text.substring(0, 2000) + "..." : text;
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

}
