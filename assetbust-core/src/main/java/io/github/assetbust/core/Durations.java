package io.github.assetbust.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a max age is written wherever a user writes one (the CLI's {@code --max-age}, the goal's
 * {@code <maxAge>}): a whole number and a unit ({@code 90s}, {@code 30m}, {@code 1h}, {@code 2d},
 * also {@code 500ms} and combinations such as {@code 1h30m}), {@code 0}, or ISO-8601
 * ({@code PT1H}, {@code P2D}). Never negative.
 */
public final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	/** What to write instead, for messages. */
	public static final String FORMS = "use a whole number and a unit such as 90s, 30m, 1h or 2d, or ISO-8601 such as PT1H";

	private Durations() {
	}

	/**
	 * Reads {@code value}.
	 * @throws AssetbustException naming the value and the forms it may take, or saying it is negative
	 */
	public static Duration parse(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		Duration duration;
		try {
			if (text.equals("0")) {
				duration = Duration.ZERO;
			}
			else if (SIMPLE.matcher(text).matches()) {
				duration = Duration.ZERO;
				Matcher part = PART.matcher(text);
				while (part.find()) {
					duration = duration.plus(Duration.of(Long.parseLong(part.group(1)), unit(part.group(2))));
				}
			}
			else if (text.startsWith("p") || text.startsWith("-p") || text.startsWith("+p")) {
				duration = Duration.parse(text.toUpperCase(Locale.ROOT));
			}
			else {
				throw new AssetbustException("'" + value + "' is not a duration: " + FORMS);
			}
		}
		catch (DateTimeParseException | ArithmeticException | NumberFormatException ex) {
			throw new AssetbustException("'" + value + "' is not a duration: " + FORMS, ex);
		}
		if (duration.isNegative()) {
			throw new AssetbustException("'" + value + "' is negative: a max age is 0 or more");
		}
		return duration;
	}

	private static ChronoUnit unit(String unit) {
		return switch (unit) {
			case "ms" -> ChronoUnit.MILLIS;
			case "s" -> ChronoUnit.SECONDS;
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			default -> ChronoUnit.DAYS;
		};
	}

	/** The shortest form {@link #parse} reads back: {@code 1h}, {@code 90s}, {@code 0}. */
	public static String format(Duration duration) {
		if (duration.isZero()) {
			return "0";
		}
		if (duration.getNano() % 1_000_000 != 0) {
			return duration.toString();
		}
		long millis = duration.toMillis();
		long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
		String[] units = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < sizes.length; i++) {
			if (millis % sizes[i] == 0) {
				return (millis / sizes[i]) + units[i];
			}
		}
		return duration.toString();
	}

}
