package io.github.assetbust.web.servlet;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.github.assetbust.web.PrecompressedVariants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Goes in front of Spring's {@link EncodedResourceResolver} and hands it the request with the
 * {@code Accept-Encoding} of {@link PrecompressedVariants#inPreferredOrder}, so that {@code br}
 * wins over {@code gzip} whatever order the client lists them in.
 */
public class EncodingPreferenceResolver implements ResourceResolver {

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
		String reordered = PrecompressedVariants.inPreferredOrder(header);
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

}
