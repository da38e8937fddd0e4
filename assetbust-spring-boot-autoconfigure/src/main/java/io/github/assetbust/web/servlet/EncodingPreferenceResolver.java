package io.github.assetbust.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Goes in front of Spring's {@link EncodedResourceResolver} and hands it the request with an
 * {@code Accept-Encoding} that lists what the client accepts in the server's order of preference
 * ({@code br} before {@code gzip}), leaving out what it refuses with {@code q=0}. Spring's resolver
 * takes the client's order, and browsers list {@code gzip} first ({@code gzip, deflate, br, zstd}),
 * so without this a smaller {@code .br} variant would never be served to them.
 */
public class EncodingPreferenceResolver implements ResourceResolver {

	private final List<String> preferred;

	/** @param preferred content codings, most preferred first, such as {@code br, gzip} */
	public EncodingPreferenceResolver(List<String> preferred) {
		this.preferred = List.copyOf(preferred);
	}

	@Override
	public Resource resolveResource(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		return chain.resolveResource((request != null) ? withPreferredOrder(request) : null, requestPath, locations);
	}

	@Override
	public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourcePath, locations);
	}

	private HttpServletRequest withPreferredOrder(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (!StringUtils.hasText(header)) {
			return request;
		}
		String reordered = String.join(", ", accepted(header));
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				if (HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)) {
					return reordered.isEmpty() ? null : reordered;
				}
				return super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				if (HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)) {
					return Collections.enumeration(reordered.isEmpty() ? List.of() : List.of(reordered));
				}
				return super.getHeaders(name);
			}

		};
	}

	/** The preferred codings that {@code header} accepts, in the order of preference. */
	List<String> accepted(String header) {
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
		for (String coding : this.preferred) {
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
