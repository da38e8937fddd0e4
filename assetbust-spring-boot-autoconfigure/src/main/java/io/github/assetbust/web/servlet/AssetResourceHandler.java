package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.HashedRequests;
import io.github.assetbust.web.PrecompressedVariants;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;

/**
 * Serves asset files found in {@link AssetLocations}, under its rule, with two guarantees Spring's
 * handler alone does not give:
 * <ul>
 * <li>its cache header goes on successful answers only (200, 206, 304): a 412 or 416 that a
 * malformed request provokes never tells a CDN to keep it for a year;</li>
 * <li>with precompressed variants ({@code main-<digest>.css.br} and {@code .gz} beside the file),
 * a client that accepts {@code br} or {@code gzip} gets the variant with {@code Content-Encoding}
 * and the original's content type, and every answer for a file that has variants, 304 included,
 * says {@code Vary: Accept-Encoding}, so a shared cache never hands a compressed body to a client
 * that did not ask for it.</li>
 * </ul>
 * Spring's {@link EncodedResourceResolver} serves the variants, behind an
 * {@link EncodingPreferenceResolver} that makes {@code br} win.
 */
public class AssetResourceHandler extends ResourceHttpRequestHandler {

	private static final String RESOURCE = AssetResourceHandler.class.getName() + ".resource";

	private final boolean precompressed;

	/**
	 * @param locations where the files are, and the rule they are found under
	 * @param precompressed whether to serve precompressed variants
	 * @param first resolvers that come before the lookup (and the variants), such as one that
	 * takes a version out of the path
	 */
	public AssetResourceHandler(AssetLocations locations, boolean precompressed, ResourceResolver... first) {
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
	public void handleRequest(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		SuccessOnlyCaching caching = new SuccessOnlyCaching(request, response);
		super.handleRequest(request, caching);
		// a HEAD answer has no body to start and Spring flushes none, so nothing decided it yet
		caching.decide(caching.getStatus());
	}

	@Override
	protected Resource getResource(HttpServletRequest request) throws IOException {
		Resource resource = super.getResource(request);
		request.setAttribute(RESOURCE, resource);
		return resource;
	}

	@Override
	protected void setHeaders(HttpServletResponse response, Resource resource, MediaType mediaType)
			throws IOException {
		super.setHeaders(response, resource, mediaType);
		// an encoded variant says so itself; the plain file must too, if it has one
		if (!(resource instanceof HttpResource) && hasVariant(resource)) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
	}

	private boolean hasVariant(Resource resource) {
		return this.precompressed && PrecompressedVariants.existFor(resource);
	}

	/**
	 * Holds the cache header back until the answer is known to be a success: written when a 200,
	 * 206 or 304 status is set, the body starts or the handler returns, dropped on any other status
	 * ({@link HashedRequests#isCacheable}). A header cannot be taken off again on every Servlet
	 * container (Tomcat 10.1 ignores {@code setHeader(name, null)}). Also puts {@code Vary} on a
	 * 304 of a file with variants, which Spring answers before it sets any other header.
	 */
	private final class SuccessOnlyCaching extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private String cacheControl;

		private boolean decided;

		SuccessOnlyCaching(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void setHeader(String name, String value) {
			if (isHeld(name)) {
				this.cacheControl = value;
			}
			else {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (isHeld(name)) {
				this.cacheControl = (this.cacheControl != null) ? this.cacheControl + ", " + value : value;
			}
			else {
				super.addHeader(name, value);
			}
		}

		@Override
		public String getHeader(String name) {
			return isHeld(name) ? this.cacheControl : super.getHeader(name);
		}

		@Override
		public boolean containsHeader(String name) {
			return isHeld(name) ? this.cacheControl != null : super.containsHeader(name);
		}

		private boolean isHeld(String name) {
			return !this.decided && HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name);
		}

		@Override
		public void setStatus(int status) {
			decide(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			decide(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			decide(status);
			super.sendError(status, message);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			decide(getStatus());
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			decide(getStatus());
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			decide(getStatus());
			super.flushBuffer();
		}

		private void decide(int status) {
			if (this.decided) {
				return;
			}
			this.decided = true;
			if (HashedRequests.isCacheable(status) && this.cacheControl != null) {
				super.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
			}
			if (status == HttpServletResponse.SC_NOT_MODIFIED) {
				Resource resource = (Resource) this.request.getAttribute(RESOURCE);
				if (resource instanceof HttpResource || hasVariant(resource)) {
					addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
				}
			}
		}

	}

}
