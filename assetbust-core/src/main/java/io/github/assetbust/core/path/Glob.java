package io.github.assetbust.core.path;

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

	private final String source;

	private final Pattern pattern;

	private Glob(String source, Pattern pattern) {
		this.source = source;
		this.pattern = pattern;
	}

	/** @throws AssetbustException naming the glob if it cannot be understood */
	public static Glob of(String glob) {
		try {
			return new Glob(glob, Pattern.compile(toRegex(glob)));
		}
		catch (PatternSyntaxException ex) {
			throw new AssetbustException("Invalid glob '" + glob + "': " + ex.getDescription(), ex);
		}
	}

	public boolean matches(AssetPath path) {
		return this.pattern.matcher(path.toString()).matches();
	}

	private static String toRegex(String glob) {
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
