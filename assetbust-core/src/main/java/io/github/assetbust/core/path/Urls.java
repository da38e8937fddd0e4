package io.github.assetbust.core.path;

import java.nio.charset.StandardCharsets;

/** Small facts about URL text that the builder and the resolvers agree on. */
public final class Urls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/**
	 * Which ASCII characters a URL path may hold as they are, by code: a table, since the index
	 * checks every character of every manifest entry.
	 */
	private static final boolean[] PLAIN = new boolean[0x80];

	static {
		for (char c = 0; c < PLAIN.length; c++) {
			PLAIN[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
		}
	}

	private Urls() {
	}

	/**
	 * A configured URL prefix (a CDN origin, {@code https://cdn.example.com/}) as it goes before an
	 * asset's path: without a trailing {@code /}; empty for none.
	 */
	public static String prefix(String configured) {
		if (configured == null) {
			return "";
		}
		return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
	}

	/**
	 * The URL of an asset: the prefix, the context path, its root-relative URL path (with its
	 * leading {@code /}) and the {@code ?query} or {@code #fragment} the caller wrote. The common
	 * case, none of the parts around the path, allocates nothing.
	 */
	public static String join(String prefix, String contextPath, String urlPath, String suffix) {
		if (prefix.isEmpty() && contextPath.isEmpty()) {
			return suffix.isEmpty() ? urlPath : urlPath + suffix;
		}
		return prefix + contextPath + urlPath + suffix;
	}

	/** {@code https://cdn/x.css}, {@code //cdn/x.css}, {@code data:…}: not an asset of this root. */
	public static boolean isOtherOrigin(String path) {
		if (path.startsWith("//")) {
			return true;
		}
		int colon = path.indexOf(':');
		int slash = path.indexOf('/');
		return colon > 0 && (slash < 0 || colon < slash) && Character.isLetter(path.charAt(0));
	}

	/** Where the {@code ?query} or {@code #fragment} of {@code url} starts, or {@code -1}. */
	public static int suffixStart(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '?' || c == '#') {
				return i;
			}
		}
		return -1;
	}

	/** {@code url} before the suffix that {@link #suffixStart} found at {@code suffixStart}; all of it for {@code -1}. */
	public static String withoutSuffix(String url, int suffixStart) {
		return (suffixStart < 0) ? url : url.substring(0, suffixStart);
	}

	/** {@code path} as a URL from the root: with one leading {@code /}. */
	public static String fromRoot(String path) {
		return path.startsWith("/") ? path : "/" + path;
	}

	/**
	 * {@code path} as URL path text: each segment percent-encoded but for the characters a path
	 * segment may hold as they are (RFC 3986), so {@code css/my file#1.css} is
	 * {@code css/my%20file%231.css}.
	 */
	public static String encodePath(String path) {
		// the common case, a path that needs no encoding, is answered without copying it
		int first = 0;
		while (first < path.length() && isPlain(path.charAt(first))) {
			first++;
		}
		if (first == path.length()) {
			return path;
		}
		StringBuilder out = null;
		byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			int c = bytes[i] & 0xff;
			boolean plain = isPlain(c);
			if (plain && out == null) {
				continue;
			}
			if (out == null) {
				out = new StringBuilder(bytes.length + 16).append(new String(bytes, 0, i, StandardCharsets.UTF_8));
			}
			if (plain) {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
		}
		return (out != null) ? out.toString() : path;
	}

	/** Whether a path segment may hold {@code c} as it is (RFC 3986 pchar, but for percent-encodings). */
	private static boolean isPlain(int c) {
		return c < PLAIN.length && PLAIN[c];
	}

}
