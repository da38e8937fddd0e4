package io.github.assetbust.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.assetbust.web.AssetLocations;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
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
	public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		// the path within the handler mapping is still percent-encoded
		return Mono.justOrEmpty(this.locations.find(UriUtils.decode(requestPath, StandardCharsets.UTF_8)));
	}

	@Override
	public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return resolveResource(null, resourcePath, locations, chain).map((found) -> resourcePath);
	}

}
