package io.github.assetbust.core.reference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.InvalidAssetPathException;
import io.github.assetbust.core.path.Urls;

/**
 * What the URL of a {@link Reference} points at, seen from the file it is written in: a file under
 * the asset root (relative to the referencing file, or to the root when it starts with {@code /}),
 * or something that is left alone.
 * @param kind what sort of URL it is
 * @param path the file it names, for {@link Kind#LOCAL} only
 * @param rawPath the URL up to its query or fragment, as written
 * @param rawSuffix the {@code ?query} and {@code #fragment}, as written, or empty
 */
public record ReferenceTarget(Kind kind, AssetPath path, String rawPath, String rawSuffix) {

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	/** What sort of URL a reference holds. */
	public enum Kind {

		/** A file under the asset root. */
		LOCAL,
		/** {@code data:} content inline. */
		DATA_URI,
		/** Another origin: {@code https://…}, {@code //cdn…}, any other scheme. */
		EXTERNAL,
		/** No path, only a {@code #fragment} or {@code ?query}: the document itself. */
		FRAGMENT_ONLY,
		/** A path that climbs out of the asset root; it is never followed. */
		OUTSIDE_ROOT

	}

	/**
	 * Classifies {@code rawUrl} as written in {@code from}.
	 * @param rawUrl the reference text, decoded as ISO-8859-1 (one char a byte)
	 */
	public static ReferenceTarget of(AssetPath from, String rawUrl) {
		String url = rawUrl.strip();
		int suffixStart = Urls.suffixStart(url);
		String rawPath = Urls.withoutSuffix(url, suffixStart);
		String rawSuffix = (suffixStart < 0) ? "" : url.substring(suffixStart);
		if (rawPath.isEmpty()) {
			return new ReferenceTarget(Kind.FRAGMENT_ONLY, null, rawPath, rawSuffix);
		}
		if (rawPath.regionMatches(true, 0, "data:", 0, 5)) {
			return new ReferenceTarget(Kind.DATA_URI, null, rawPath, rawSuffix);
		}
		if (rawPath.startsWith("//") || SCHEME.matcher(rawPath).find()) {
			return new ReferenceTarget(Kind.EXTERNAL, null, rawPath, rawSuffix);
		}
		String decoded = percentDecode(cssUnescape(TextBytes.utf8(rawPath)));
		try {
			AssetPath path = decoded.startsWith("/") ? AssetPath.of(decoded) : AssetPath.of(from.folder() + decoded);
			return new ReferenceTarget(Kind.LOCAL, path, rawPath, rawSuffix);
		}
		catch (InvalidAssetPathException ex) {
			return new ReferenceTarget(Kind.OUTSIDE_ROOT, null, rawPath, rawSuffix);
		}
	}

	/**
	 * The reference text pointing at {@code hashed} instead, written the way the original was:
	 * the folder part and the suffix stay as they were, and the digest goes into the file name
	 * ({@code ../img/my%20logo.png?v=1} becomes {@code ../img/my%20logo-<digest>.png?v=1}).
	 * @return ISO-8859-1 text, like the content it goes into
	 */
	public String rewrittenTo(AssetPath hashed) {
		int slash = this.rawPath.lastIndexOf('/');
		String folder = this.rawPath.substring(0, slash + 1);
		String segment = this.rawPath.substring(slash + 1);
		String originalName = this.path.fileName();
		String hashedName = hashed.fileName();
		// the URL as it resolves, with the hashed name in place of the original one
		String decoded = decode(this.rawPath);
		int decodedSlash = decoded.lastIndexOf('/');
		String wanted = decoded.substring(decodedSlash + 1).equals(originalName)
				? decoded.substring(0, decodedSlash + 1) + hashedName : null;
		String inserted = insertDigest(segment, originalName, hashedName);
		if (inserted != null && wanted != null && wanted.equals(decode(folder + inserted))) {
			return folder + inserted + this.rawSuffix;
		}
		// spelled anew, percent-encoded but for its slashes (safe in any CSS context); from the root
		// if the URL does not end in the file's name
		String fallback = (wanted != null) ? wanted : "/" + hashed;
		return latin1(percentEncodePath(fallback)) + this.rawSuffix;
	}

	/** The segment with the digest slotted in before its extension, or {@code null} if it has no place for it. */
	private static String insertDigest(String segment, String originalName, String hashedName) {
		String extension = originalName.substring(originalName.length() - extensionLength(originalName));
		String digestPart = hashedName.substring(originalName.length() - extension.length(),
				hashedName.length() - extension.length());
		int dot = extension.isEmpty() ? segment.length() : segment.lastIndexOf('.');
		if (dot <= 0) {
			return null;
		}
		return segment.substring(0, dot) + digestPart + segment.substring(dot);
	}

	/** What a raw (ISO-8859-1) URL path means: UTF-8, CSS escapes undone, then percent-decoded. */
	private static String decode(String raw) {
		return percentDecode(cssUnescape(TextBytes.utf8(raw)));
	}

	private static String percentEncodePath(String path) {
		return Arrays.stream(path.split("/", -1)).map(ReferenceTarget::percentEncode).collect(Collectors.joining("/"));
	}

	private static int extensionLength(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.length() - dot : 0;
	}

	private static String latin1(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	/** CSS escapes: {@code \)} is {@code )}, {@code \20 } is a space. */
	static String cssUnescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 >= text.length()) {
				out.append(c);
				continue;
			}
			int hexEnd = i + 1;
			while (hexEnd < text.length() && hexEnd < i + 7 && Character.digit(text.charAt(hexEnd), 16) >= 0) {
				hexEnd++;
			}
			if (hexEnd > i + 1) {
				int codePoint = Integer.parseInt(text.substring(i + 1, hexEnd), 16);
				// as CSS says: NUL, a surrogate or beyond Unicode is U+FFFD, never an exception
				boolean valid = codePoint != 0 && codePoint <= Character.MAX_CODE_POINT
						&& !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
				out.appendCodePoint(valid ? codePoint : 0xFFFD);
				i = hexEnd - 1;
				// one whitespace ends the escape and belongs to it; CR LF counts as one
				if (hexEnd + 1 < text.length() && text.charAt(hexEnd) == '\r' && text.charAt(hexEnd + 1) == '\n') {
					i = hexEnd + 1;
				}
				else if (hexEnd < text.length() && " \t\n\r\f".indexOf(text.charAt(hexEnd)) >= 0) {
					i = hexEnd;
				}
			}
			else {
				out.append(text.charAt(i + 1));
				i++;
			}
		}
		return out.toString();
	}

	/** {@code %20} is a space; a {@code %} not followed by two hex digits stays as it is. */
	static String percentDecode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		byte[] source = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < source.length; i++) {
			if (source[i] == '%' && i + 2 < source.length && Character.digit(source[i + 1], 16) >= 0
					&& Character.digit(source[i + 2], 16) >= 0) {
				bytes.write(Character.digit(source[i + 1], 16) * 16 + Character.digit(source[i + 2], 16));
				i += 2;
			}
			else {
				bytes.write(source[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/** Percent-encodes everything but unreserved characters, so the name is safe in any CSS context. */
	static String percentEncode(String name) {
		StringBuilder out = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
