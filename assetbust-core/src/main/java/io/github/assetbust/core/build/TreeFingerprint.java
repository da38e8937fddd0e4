package io.github.assetbust.core.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.scan.AssetScanner;

/**
 * A digest of everything a build's outcome depends on: the settings that shape its output; the
 * path and stamp of every file the scan selects, hashed copies and variants included; every file
 * it passes over, and why; and the stamps of the manifest and the generation record. When a build
 * finds the fingerprint the last one left, it would find exactly what that one left, and has
 * nothing to do. A stamp is the build cache's own test of a changed file ({@link FileStamp}).
 */
final class TreeFingerprint {

	private TreeFingerprint() {
	}

	static String of(BuildOptions options, AssetScanner.Scan scan) {
		StringBuilder text = new StringBuilder(100 * scan.files().size() + 1000);
		text.append("root ").append(scan.root()).append("\nmanifest ").append(options.manifest());
		text.append("\nincludes ").append(options.includes()).append("\nexcludes ").append(options.excludes());
		text.append("\ndigest ").append(options.algorithm().id()).append(':').append(options.digestLength());
		text.append("\nreproducible ").append(options.reproducible()).append("\nstrict ").append(options.strict());
		text.append("\nretention ").append(options.retention()).append("\ncompress ").append(options.compress());
		text.append("\nmanifest file ").append(FileStamp.of(options.manifest()));
		text.append("\ngenerations file ").append(FileStamp.of(options.stateFile(StateFile.GENERATIONS)));
		for (AssetPath file : scan.files()) {
			text.append("\nfile ").append(file).append('\0').append(FileStamp.of(scan.attributes().get(file)));
		}
		for (AssetScanner.Skipped skipped : scan.skipped()) {
			text.append("\nskipped ").append(skipped.path()).append('\0').append(skipped.reason());
		}
		for (AssetPath leftover : scan.leftovers()) {
			text.append("\nleftover ").append(leftover);
		}
		return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Whether the only changes between the scan a build started from and the one after it are its
	 * own: files it {@code wrote} appeared or changed, files it {@code removed} went. Anything else
	 * (a source edited while it ran, a file added) must leave the next build work to do.
	 */
	static boolean onlyTheBuildChanged(AssetScanner.Scan before, AssetScanner.Scan after, Predicate<AssetPath> wrote,
			Predicate<AssetPath> removed) {
		Map<AssetPath, BasicFileAttributes> was = before.attributes();
		Map<AssetPath, BasicFileAttributes> is = after.attributes();
		for (AssetPath file : after.files()) {
			boolean same = was.containsKey(file)
					&& Objects.equals(FileStamp.of(was.get(file)), FileStamp.of(is.get(file)));
			if (!same && !wrote.test(file)) {
				return false;
			}
		}
		for (AssetPath file : before.files()) {
			if (!is.containsKey(file) && !removed.test(file)) {
				return false;
			}
		}
		return before.skipped().equals(after.skipped());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime must provide SHA-256", ex);
		}
	}

}
