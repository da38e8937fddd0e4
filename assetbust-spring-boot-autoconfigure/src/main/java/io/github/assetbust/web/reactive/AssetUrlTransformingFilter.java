package io.github.assetbust.web.reactive;

import io.github.assetbust.web.AssetLinkRewriter;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes links that templates build through {@link ServerWebExchange#transformUrl} (Thymeleaf's
 * {@code @{/css/main.css}} in a WebFlux application) come out hashed, the way Spring's
 * {@code ResourceUrlProvider} does for the WebFlux resource chain, so existing templates need no
 * change. A link that is not an asset is left as it is.
 */
public class AssetUrlTransformingFilter implements WebFilter {

	private final AssetLinkRewriter rewriter;

	public AssetUrlTransformingFilter(AssetLinkRewriter rewriter) {
		this.rewriter = rewriter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String contextPath = exchange.getRequest().getPath().contextPath().value();
		exchange.addUrlTransformer((url) -> this.rewriter.rewrite(url, contextPath));
		return chain.filter(exchange);
	}

}
