package io.github.assetbust.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.assetbust.core.compress.Compression;

import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The precompressed variants a hashed copy may have beside it ({@code main-<digest>.css.br} and
 * {@code .gz}), as any web framework serves them: which content codings, in the server's order of
 * preference, with the suffix of their files; which of them a client's {@code Accept-Encoding}
 * accepts; whether a file has any.
 */
public final class PrecompressedVariants {

	/** Content codings in order of preference, with the suffix of their variants. */
	private static final Map<String, String> SUFFIXES = Compression.byPreference()
		.stream()
		.collect(Collectors.toMap(Compression::id, Compression::suffix, (a, b) -> a, LinkedHashMap::new));

	private static final List<String> PREFERENCE = List.copyOf(SUFFIXES.keySet());

	private PrecompressedVariants() {
	}

	/** The content codings, most preferred first: {@code br, gzip}. */
	public static List<String> codings() {
		return PREFERENCE;
	}

	/** The suffix of each coding's variant, in {@link #codings()} order: {@code br → .br}. */
	public static Map<String, String> suffixes() {
		return SUFFIXES;
	}

	/** Whether a variant of {@code resource} lies beside it. */
	public static boolean existFor(Resource resource) {
		String name = (resource != null) ? resource.getFilename() : null;
		if (name == null) {
			return false;
		}
		for (String suffix : SUFFIXES.values()) {
			try {
				if (resource.createRelative(name + suffix).exists()) {
					return true;
				}
			}
			catch (IOException ex) {
				// not a location that can hold a variant
			}
		}
		return false;
	}

	/**
	 * {@code acceptEncoding} as Spring's encoded resource resolvers should read it: the codings it
	 * accepts in the server's order of preference ({@code br} before {@code gzip}), without those
	 * it refuses with {@code q=0}; empty if it accepts none. Spring's resolvers take the client's
	 * order, and browsers list {@code gzip} first ({@code gzip, deflate, br, zstd}), so without
	 * this a smaller {@code .br} variant would never be served to them.
	 */
	public static String inPreferredOrder(String acceptEncoding) {
		return String.join(", ", accepted(acceptEncoding));
	}

	/** The preferred codings that {@code header} accepts, in the order of preference. */
	static List<String> accepted(String header) {
		Map<String, Boolean> acceptable = new LinkedHashMap<>();
		for (String token : StringUtils.tokenizeToStringArray(header.toLowerCase(Locale.ROOT), ",")) {
			String[] parts = token.split(";");
			boolean refused = false;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].trim();
				if (parameter.startsWith("q=")) {
					refused = isZero(parameter.substring(2).trim());
				}
			}
			acceptable.put(parts[0].trim(), !refused);
		}
		List<String> accepted = new ArrayList<>();
		for (String coding : PREFERENCE) {
			Boolean named = acceptable.get(coding);
			if ((named != null) ? named : Boolean.TRUE.equals(acceptable.get("*"))) {
				accepted.add(coding);
			}
		}
		return accepted;
	}

	private static boolean isZero(String quality) {
		try {
			return Double.parseDouble(quality) <= 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
