package io.github.assetbust.core.path;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule for hashed copies: {@code <stem>-<digest>.<ext>} beside the original, so
 * {@code js/app.min.js} becomes {@code js/app.min-<digest>.js} and {@code LICENSE} becomes
 * {@code LICENSE-<digest>}.
 */
public final class HashedName {

	private final Pattern pattern;

	/** @param digestLength how many hex characters of the digest go into a name */
	public HashedName(int digestLength) {
		this.pattern = Pattern.compile("(.+)-([0-9a-f]{" + digestLength + "})(\\.[^.]+)?");
	}

	private static final Pattern ANY_DIGEST = Pattern.compile("(.+)-([0-9a-f]{8,64})(\\.[^.]+)?");

	/** Whether {@code path} is named like a hashed copy of any digest length this tool can write. */
	public static boolean looksHashed(AssetPath path) {
		return ANY_DIGEST.matcher(path.fileName()).matches();
	}

	/** {@link #parse(AssetPath)} for a digest of any length this tool can write. */
	public static Optional<Parsed> parseAny(AssetPath path) {
		return parse(ANY_DIGEST, path);
	}

	public static AssetPath of(AssetPath original, String digest) {
		String name = original.fileName();
		int dot = name.lastIndexOf('.');
		String hashed = (dot > 0) ? name.substring(0, dot) + "-" + digest + name.substring(dot)
				: name + "-" + digest;
		return original.withFileName(hashed);
	}

	/**
	 * If {@code path} is named like a hashed copy, the original it would be a copy of and the digest
	 * in its name. A match says nothing about who made the file: only the caller can tell.
	 */
	public Optional<Parsed> parse(AssetPath path) {
		return parse(this.pattern, path);
	}

	private static Optional<Parsed> parse(Pattern pattern, AssetPath path) {
		Matcher matcher = pattern.matcher(path.fileName());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String extension = (matcher.group(3) != null) ? matcher.group(3) : "";
		return Optional.of(new Parsed(path.withFileName(matcher.group(1) + extension), matcher.group(2)));
	}

	/**
	 * Why {@code original} cannot have a hashed copy with a digest of {@code digestLength}
	 * characters: its name would be too long for the file system; {@code null} if it can.
	 */
	public static String tooLong(AssetPath original, int digestLength) {
		int bytes = NameLength.of(original.fileName()) + 1 + digestLength;
		return (bytes > NameLength.MAX_BYTES) ? "its hashed name would be " + bytes + " bytes long, more than the "
				+ NameLength.MAX_BYTES + " file systems allow; shorten the name" : null;
	}

	/** A hashed name taken apart. */
	public record Parsed(AssetPath original, String digest) {
	}

}
