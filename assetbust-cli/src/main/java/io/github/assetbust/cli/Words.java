package io.github.assetbust.cli;

import java.util.Locale;

/** Counts in output lines: {@code 1 copy}, {@code 1,234 bytes}; the same in every locale, for scripts. */
final class Words {

	private Words() {
	}

	static String count(long count, String one, String many) {
		return number(count) + " " + ((count == 1) ? one : many);
	}

	static String number(long number) {
		return String.format(Locale.ROOT, "%,d", number);
	}

}
