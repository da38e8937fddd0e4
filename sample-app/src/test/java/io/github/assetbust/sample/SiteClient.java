package io.github.assetbust.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running sample site, plus the test's own reading of the packaged manifest
 * (plain Jackson, not assetbust's reader, so the tests do not trust the code they check).
 */
final class SiteClient {

	/** Every {@code href} or {@code src} that points into {@code /css/}, {@code /js/} or {@code /img/}. */
	private static final Pattern ASSET_LINK = Pattern.compile("(?:href|src)=\"([^\"]*/(?:css|js|img)/[^\"]*)\"");

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	/** A {@code "original" : "hashed"} pair of an import map: the hashed URL a module import loads. */
	private static final Pattern MAPPED_MODULE = Pattern.compile("\"[^\"]+\"\\s*:\\s*\"([^\"]+)\"");

	/** The digest a hashed file name carries, e.g. {@code main-<md5>.css}. */
	static final Pattern HASHED_NAME = Pattern.compile("-([0-9a-f]{32})\\.[^/.]+$");

	static final String MANIFEST = "META-INF/assetbust/manifest.json";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String origin;

	SiteClient(int port) {
		this.origin = "http://localhost:" + port;
	}

	/** GETs {@code path} with the request headers {@code headers} (name, value, ...). */
	HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.origin + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String page(String path) {
		HttpResponse<byte[]> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " returned " + response.statusCode());
		}
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	/** The asset URLs a page loads: its links, and the modules its import map sends imports to. */
	static List<String> assetLinks(String html) {
		List<String> links = new ArrayList<>();
		Matcher matcher = ASSET_LINK.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		Matcher importMap = IMPORT_MAP.matcher(html);
		while (importMap.find()) {
			Matcher mapped = MAPPED_MODULE.matcher(importMap.group(1));
			while (mapped.find()) {
				links.add(mapped.group(1));
			}
		}
		return links;
	}

	static String cacheControl(HttpResponse<?> response) {
		return response.headers().firstValue("Cache-Control").orElse("");
	}

	/** The packaged manifest's {@code assets}: original path to hashed path. */
	static Map<String, String> packagedManifest() {
		try (InputStream in = SiteClient.class.getClassLoader().getResourceAsStream(MANIFEST)) {
			if (in == null) {
				throw new AssertionError("No " + MANIFEST + " on the classpath; did assetbust:build run?");
			}
			JsonNode assets = JsonMapper.builder().build().readTree(in).path("assets");
			Map<String, String> paths = new LinkedHashMap<>();
			assets.properties().forEach((entry) -> paths.put(entry.getKey(), entry.getValue().path("path").asText()));
			return paths;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The hashed path the packaged manifest gives for {@code original}, failing if it has none. */
	static String hashedPath(String original) {
		String hashed = packagedManifest().get(original);
		if (hashed == null || hashed.isEmpty()) {
			throw new AssertionError("The packaged manifest has no entry for " + original);
		}
		return hashed;
	}

}
