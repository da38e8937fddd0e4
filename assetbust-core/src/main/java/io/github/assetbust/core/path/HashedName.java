package io.github.assetbust.core.path;

import java.util.Optional;

/**
 * The naming rule for hashed copies: {@code <stem>-<digest>.<ext>} beside the original, so
 * {@code js/app.min.js} becomes {@code js/app.min-<digest>.js} and {@code LICENSE} becomes
 * {@code LICENSE-<digest>}.
 */
public final class HashedName {

	/** The shortest and longest digests, in hex characters, that this tool can write. */
	private static final HashedName ANY_DIGEST = new HashedName(8, 64);

	private final int shortest;

	private final int longest;

	/** @param digestLength how many hex characters of the digest go into a name */
	public HashedName(int digestLength) {
		this(digestLength, digestLength);
	}

	private HashedName(int shortest, int longest) {
		this.shortest = shortest;
		this.longest = longest;
	}

	/** Whether {@code path} is named like a hashed copy of any digest length this tool can write. */
	public static boolean looksHashed(AssetPath path) {
		return ANY_DIGEST.parse(path).isPresent();
	}

	/** {@link #parse(AssetPath)} for a digest of any length this tool can write. */
	public static Optional<Parsed> parseAny(AssetPath path) {
		return ANY_DIGEST.parse(path);
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
		String name = path.fileName();
		// <stem>-<digest>, which wins when both forms fit, then <stem>-<digest>.<ext>
		Parsed parsed = parse(path, name.length(), "");
		int dot = name.lastIndexOf('.');
		if (parsed == null && dot >= 0 && dot < name.length() - 1) {
			parsed = parse(path, dot, name.substring(dot));
		}
		return Optional.ofNullable(parsed);
	}

	/**
	 * The name up to {@code end} taken as {@code <stem>-<digest>}, with a stem of at least one
	 * character and a digest of lower-case hex; {@code null} if it is not, or if the original's
	 * name would be no file's.
	 */
	private Parsed parse(AssetPath path, int end, String extension) {
		String name = path.fileName();
		int dash = name.lastIndexOf('-', end - 1);
		int length = end - dash - 1;
		if (dash < 1 || length < this.shortest || length > this.longest) {
			return null;
		}
		for (int i = dash + 1; i < end; i++) {
			char c = name.charAt(i);
			if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
				return null;
			}
		}
		String original = name.substring(0, dash) + extension;
		// "..-<digest>" names a file, but no file can be called ".."
		return (original.equals(".") || original.equals("..")) ? null
				: new Parsed(path.withFileName(original), name.substring(dash + 1, end));
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
