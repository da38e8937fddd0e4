package io.github.assetbust.web.reactive;

import java.util.List;

import io.github.assetbust.web.PrecompressedVariants;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Goes in front of Spring WebFlux's {@link EncodedResourceResolver} and hands it the exchange with
 * the {@code Accept-Encoding} of {@link PrecompressedVariants#inPreferredOrder}, so that {@code br}
 * wins over {@code gzip} whatever order the client lists them in.
 */
public class EncodingPreferenceResolver implements ResourceResolver {

	@Override
	public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		return chain.resolveResource((exchange != null) ? withPreferredOrder(exchange) : null, requestPath,
				locations);
	}

	@Override
	public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourcePath, locations);
	}

	private static ServerWebExchange withPreferredOrder(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
		if (!StringUtils.hasText(header)) {
			return exchange;
		}
		String reordered = PrecompressedVariants.inPreferredOrder(header);
		// 'identity' when the client accepts none of the variants: the plain file
		String value = reordered.isEmpty() ? "identity" : reordered;
		return exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HttpHeaders.ACCEPT_ENCODING, value)))
			.build();
	}

}
