package io.github.assetbust.web.reactive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.HashedRequests;
import io.github.assetbust.web.PrecompressedVariants;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Serves asset files found in {@link AssetLocations}, under its rule, with the two guarantees of
 * the Spring MVC handler:
 * <ul>
 * <li>its cache header goes on successful answers only (200, 206, 304): a 412 or 416 that a
 * malformed request provokes never tells a CDN to keep it for a year, and a 304 carries it as the
 * 200 did;</li>
 * <li>with precompressed variants beside the file, a client that accepts {@code br} or
 * {@code gzip} gets the variant with {@code Content-Encoding} and the original's content type,
 * and every answer for a file that has variants, 304 included, says
 * {@code Vary: Accept-Encoding}.</li>
 * </ul>
 * Spring WebFlux's {@link EncodedResourceResolver} serves the variants, behind an
 * {@link EncodingPreferenceResolver} that makes {@code br} win.
 */
public class AssetResourceWebHandler extends ResourceWebHandler {

	private static final String RESOURCE = AssetResourceWebHandler.class.getName() + ".resource";

	private final boolean precompressed;

	/**
	 * @param locations where the files are, and the rule they are found under
	 * @param precompressed whether to serve precompressed variants
	 * @param first resolvers that come before the lookup (and the variants), such as one that
	 * takes a version out of the path
	 */
	public AssetResourceWebHandler(AssetLocations locations, boolean precompressed, ResourceResolver... first) {
		this.precompressed = precompressed;
		List<ResourceResolver> resolvers = new ArrayList<>(List.of(first));
		if (precompressed) {
			EncodedResourceResolver encoded = new EncodedResourceResolver();
			encoded.setContentCodings(PrecompressedVariants.codings());
			encoded.setExtensions(PrecompressedVariants.suffixes());
			resolvers.add(new EncodingPreferenceResolver());
			resolvers.add(encoded);
		}
		resolvers.add(new AssetLocationsResourceResolver(locations));
		setResourceResolvers(resolvers);
		setLocations(locations.folders());
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		// headers can still change until the response commits, whatever status it ends with
		response.beforeCommit(() -> Mono.fromRunnable(() -> decide(exchange)));
		return super.handle(exchange);
	}

	@Override
	protected Mono<Resource> getResource(ServerWebExchange exchange) {
		return super.getResource(exchange).doOnNext((resource) -> exchange.getAttributes().put(RESOURCE, resource));
	}

	@Override
	protected void setHeaders(ServerWebExchange exchange, Resource resource, MediaType mediaType) throws IOException {
		super.setHeaders(exchange, resource, mediaType);
		// an encoded variant says so itself; the plain file must too, if it has one
		if (!(resource instanceof HttpResource) && hasVariant(resource)) {
			exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
	}

	/**
	 * Takes the cache header off an answer that is not a success and puts it on a 304, which Spring
	 * answers before it applies the header; adds {@code Vary} to the 304 of a file with variants;
	 * gives a 416 the length of the body it has.
	 */
	private void decide(ServerWebExchange exchange) {
		CacheControl cacheControl = getCacheControl();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		boolean notModified = status != null && status.value() == HttpStatus.NOT_MODIFIED.value();
		// no status set yet is a 200
		boolean success = status == null || HashedRequests.isCacheable(status.value());
		String value = (cacheControl != null) ? cacheControl.getHeaderValue() : null;
		if (value != null && !success && value.equals(headers.getCacheControl())) {
			// a null value removes the header, on Spring 6.2 and 7 alike (remove(...) changed signature)
			headers.setCacheControl((String) null);
		}
		if (status != null && status.value() == HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value()) {
			// Spring WebFlux sends its 416 without a body but with the file's length, which leaves
			// the client (and any proxy) waiting for bytes that never come
			headers.setContentLength(0);
		}
		if (value != null && notModified && headers.getCacheControl() == null) {
			headers.setCacheControl(cacheControl);
		}
		if (notModified) {
			Resource resource = exchange.getAttribute(RESOURCE);
			if ((resource instanceof HttpResource || hasVariant(resource))
					&& !headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
				headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			}
		}
	}

	private boolean hasVariant(Resource resource) {
		return this.precompressed && PrecompressedVariants.existFor(resource);
	}

}
