package io.github.assetbust.web.servlet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.util.UriUtils;

/**
 * The first link of the chain that answers a hashed path of a generation this server never had:
 * it resolves the current copy of the same original instead, which {@link HashedAssetHandlerMapping}
 * put on the request.
 */
public class CurrentCopyResolver implements ResourceResolver {

	private static final String CURRENT = CurrentCopyResolver.class.getName() + ".current";

	/** Makes {@code request} be answered with {@code current}, a root-relative path. */
	static void serve(HttpServletRequest request, String current) {
		request.setAttribute(CURRENT, current);
	}

	@Override
	public Resource resolveResource(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		String current = (request != null) ? (String) request.getAttribute(CURRENT) : null;
		// the rest of the chain reads request paths percent-encoded
		return (current != null)
				? chain.resolveResource(request, UriUtils.encodePath(current, StandardCharsets.UTF_8), locations) : null;
	}

	@Override
	public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return null;
	}

}
