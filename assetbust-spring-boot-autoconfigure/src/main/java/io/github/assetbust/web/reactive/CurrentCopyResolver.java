package io.github.assetbust.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The first link of the chain that answers a hashed path of a generation this server never had:
 * it resolves the current copy of the same original instead, which {@link HashedAssetHandlerMapping}
 * put on the exchange.
 */
public class CurrentCopyResolver implements ResourceResolver {

	private static final String CURRENT = CurrentCopyResolver.class.getName() + ".current";

	/** Makes {@code exchange} be answered with {@code current}, a root-relative path. */
	static void serve(ServerWebExchange exchange, String current) {
		exchange.getAttributes().put(CURRENT, current);
	}

	@Override
	public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		String current = (exchange != null) ? exchange.getAttribute(CURRENT) : null;
		// the rest of the chain reads request paths percent-encoded
		return (current != null)
				? chain.resolveResource(exchange, UriUtils.encodePath(current, StandardCharsets.UTF_8), locations)
				: Mono.empty();
	}

	@Override
	public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return Mono.empty();
	}

}
