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
