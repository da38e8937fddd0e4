package io.github.assetbust.core;

import java.util.Locale;

/** Counts in summary lines: {@code 1 copy}, {@code 1,234 bytes}; the same in every locale, for scripts. */
public final class Counts {

	private Counts() {
	}

	/** {@code count} with {@code one} or {@code many} after it. */
	public static String of(long count, String one, String many) {
		return number(count) + " " + ((count == 1) ? one : many);
	}

	/** {@code 1,234}. */
	public static String number(long number) {
		return String.format(Locale.ROOT, "%,d", number);
	}

}
