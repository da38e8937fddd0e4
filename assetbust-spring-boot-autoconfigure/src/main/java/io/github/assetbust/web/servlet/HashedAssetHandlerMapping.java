package io.github.assetbust.web.servlet;

import java.util.List;

import io.github.assetbust.web.HashedRequests;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Answers requests for hashed paths as {@link HashedRequests} routes them: a hashed copy this
 * server knows with {@code immutable} handler, one of a generation it never had with the
 * {@code stale} handler, which serves the current copy of its original instead.
 */
public class HashedAssetHandlerMapping extends AssetHandlerMapping {

	private final HashedRequests requests;

	private final ResourceHttpRequestHandler immutable;

	private final ResourceHttpRequestHandler stale;

	public HashedAssetHandlerMapping(HashedRequests requests, ResourceHttpRequestHandler immutable,
			ResourceHttpRequestHandler stale, int order) {
		super((path) -> false, immutable, order);
		this.requests = requests;
		this.immutable = immutable;
		this.stale = stale;
	}

	@Override
	protected List<ResourceHttpRequestHandler> handlers() {
		return List.of(this.immutable, this.stale);
	}

	@Override
	protected ResourceHttpRequestHandler handlerFor(HttpServletRequest request, String path) {
		HashedRequests.Route route = this.requests.route(path);
		return switch (route.kind()) {
			case IMMUTABLE -> this.immutable;
			case STALE -> {
				CurrentCopyResolver.serve(request, route.path());
				yield this.stale;
			}
			case NONE -> null;
		};
	}

}
