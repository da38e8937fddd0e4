package io.github.assetbust.web.servlet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.web.AssetLocations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.util.UriUtils;

/**
 * The last link of a resource chain that finds files as {@link AssetLocations} does, so that what
 * is served is the very file the {@code assets} resolver digested, under the same rules (no
 * dotfiles, no link out of a file-system root), and not whatever another lookup would pick.
 */
public class AssetLocationsResourceResolver implements ResourceResolver {

	private final AssetLocations locations;

	public AssetLocationsResourceResolver(AssetLocations locations) {
		this.locations = locations;
	}

	@Override
	public Resource resolveResource(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		try {
			// the path within the handler mapping is still percent-encoded
			return this.locations.find(AssetPath.of(UriUtils.decode(requestPath, StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return (resolveResource(null, resourcePath, locations, chain) != null) ? resourcePath : null;
	}

}
