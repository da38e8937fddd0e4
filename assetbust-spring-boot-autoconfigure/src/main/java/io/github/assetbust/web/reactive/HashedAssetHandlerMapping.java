package io.github.assetbust.web.reactive;

import java.util.List;

import io.github.assetbust.web.HashedRequests;

import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers requests for hashed paths as {@link HashedRequests} routes them: a hashed copy this
 * server knows with the {@code immutable} handler, one of a generation it never had with the
 * {@code stale} handler, which serves the current copy of its original instead.
 */
public class HashedAssetHandlerMapping extends AssetHandlerMapping {

	private final HashedRequests requests;

	private final ResourceWebHandler immutable;

	private final ResourceWebHandler stale;

	public HashedAssetHandlerMapping(HashedRequests requests, ResourceWebHandler immutable, ResourceWebHandler stale,
			int order) {
		super((path) -> false, immutable, order);
		this.requests = requests;
		this.immutable = immutable;
		this.stale = stale;
	}

	@Override
	protected List<ResourceWebHandler> handlers() {
		return List.of(this.immutable, this.stale);
	}

	@Override
	protected ResourceWebHandler handlerFor(ServerWebExchange exchange, String path) {
		HashedRequests.Route route = this.requests.route(path);
		return switch (route.kind()) {
			case IMMUTABLE -> this.immutable;
			case STALE -> {
				CurrentCopyResolver.serve(exchange, route.path());
				yield this.stale;
			}
			case NONE -> null;
		};
	}

}
