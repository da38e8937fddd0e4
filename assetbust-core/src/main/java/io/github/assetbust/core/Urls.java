package io.github.assetbust.core;

/** Small facts about URL text that the builder and the resolvers agree on. */
public final class Urls {

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

}
