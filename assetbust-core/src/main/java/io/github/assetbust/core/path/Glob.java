package io.github.assetbust.core.path;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.assetbust.core.AssetbustException;

/**
 * An Ant-style glob over {@link AssetPath}s: {@code *} and {@code ?} stay inside one folder,
 * {@code **} crosses folders and {@code **}{@code /} also matches no folder at all (so
 * {@code **}{@code /*.css} matches {@code main.css}), {@code {a,b}} is either. Java's own
 * {@code glob:} matcher needs at least one folder for {@code **}{@code /}, which is not what
 * people who write {@code **}{@code /*} mean.
 */
public final class Glob {

	private static final String WILDCARDS = "*?{},/";

	private final String source;

	private final Predicate<String> matcher;

	private Glob(String source, Predicate<String> matcher) {
		this.source = source;
		this.matcher = matcher;
	}

	/** @throws AssetbustException naming the glob if it cannot be understood */
	public static Glob of(String glob) {
		Predicate<String> regex;
		try {
			regex = Pattern.compile(toRegex(glob)).asMatchPredicate();
		}
		catch (PatternSyntaxException ex) {
			throw new AssetbustException("Invalid glob '" + glob + "': " + ex.getDescription(), ex);
		}
		return new Glob(glob, simpleMatcher(glob, regex));
	}

	public boolean matches(AssetPath path) {
		return this.matcher.test(path.toString());
	}

	/**
	 * The common shapes of glob ({@code **}{@code /*}, {@code **}{@code /*.scss}, {@code .*},
	 * {@code **}{@code /.*}) as plain string tests: every scanned file is matched against every
	 * glob, and a regular expression per file was a tenth of a no-change build in a cold JVM.
	 * Any other glob is matched by {@code regex}, which the tests hold these shapes to.
	 */
	private static Predicate<String> simpleMatcher(String glob, Predicate<String> regex) {
		if (glob.equals("**") || glob.equals("**/*")) {
			return (path) -> true;
		}
		if (glob.startsWith("**/*") && isLiteral(glob.substring(4))) {
			String suffix = glob.substring(4);
			return (path) -> path.endsWith(suffix);
		}
		if (glob.startsWith("**/") && glob.endsWith("*") && isLiteral(glob.substring(3, glob.length() - 1))) {
			String prefix = glob.substring(3, glob.length() - 1);
			return (path) -> path.startsWith(prefix, path.lastIndexOf('/') + 1);
		}
		if (glob.endsWith("*") && isLiteral(glob.substring(0, glob.length() - 1))) {
			String prefix = glob.substring(0, glob.length() - 1);
			return (path) -> path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0;
		}
		return regex;
	}

	private static boolean isLiteral(String part) {
		return part.chars().noneMatch((c) -> WILDCARDS.indexOf(c) >= 0);
	}

	static String toRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		boolean inAlternatives = false;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> {
					boolean doubleStar = (i + 1 < glob.length()) && glob.charAt(i + 1) == '*';
					if (doubleStar && i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
						regex.append("(?:.*/)?");
						i += 2;
					}
					else if (doubleStar) {
						regex.append(".*");
						i += 1;
					}
					else {
						regex.append("[^/]*");
					}
				}
				case '?' -> regex.append("[^/]");
				case '{' -> {
					regex.append("(?:");
					inAlternatives = true;
				}
				case '}' -> {
					regex.append(inAlternatives ? ")" : "\\}");
					inAlternatives = false;
				}
				case ',' -> regex.append(inAlternatives ? "|" : ",");
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

	@Override
	public String toString() {
		return this.source;
	}

}
