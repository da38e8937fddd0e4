package io.github.assetbust.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves files together with their precompressed variants ({@code main-<digest>.css.br} and
 * {@code .gz} beside {@code main-<digest>.css}, written by the build): a client that accepts
 * {@code br} or {@code gzip} gets the variant with {@code Content-Encoding} and the original's
 * content type, anyone else the file itself. Spring's {@link EncodedResourceResolver} does the
 * serving, behind an {@link EncodingPreferenceResolver} that makes {@code br} win. Every answer
 * for a file that has variants says {@code Vary: Accept-Encoding}, the plain one included, so that
 * a shared cache never hands a compressed body to a client that did not ask for it, nor keeps the
 * plain one for everyone.
 */
public class PrecompressedResourceHandler extends ResourceHttpRequestHandler {

	/** Content codings in order of preference, with the suffix of their variants. */
	private static final Map<String, String> VARIANTS = Map.of("br", ".br", "gzip", ".gz");

	private static final List<String> PREFERENCE = List.of("br", "gzip");

	public PrecompressedResourceHandler() {
		EncodedResourceResolver encoded = new EncodedResourceResolver();
		encoded.setContentCodings(PREFERENCE);
		encoded.setExtensions(VARIANTS);
		setResourceResolvers(
				List.of(new EncodingPreferenceResolver(PREFERENCE), encoded, new PathResourceResolver()));
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

	private static boolean hasVariant(Resource resource) {
		String name = resource.getFilename();
		if (name == null) {
			return false;
		}
		for (String coding : PREFERENCE) {
			try {
				if (resource.createRelative(name + VARIANTS.get(coding)).exists()) {
					return true;
				}
			}
			catch (IOException ex) {
				// not a location that can hold a variant
			}
		}
		return false;
	}

}
