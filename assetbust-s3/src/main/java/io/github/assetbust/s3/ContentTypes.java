package io.github.assetbust.s3;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

import io.github.assetbust.core.path.AssetPath;

/**
 * The {@code Content-Type} a published object is served with. A bucket serves what it was told
 * at upload, and a browser refuses a stylesheet that is not {@code text/css} or a module script
 * that is not JavaScript, so the types of web assets are listed here rather than left to the
 * JDK's table, which lacks several (woff2, mjs, webp, avif, wasm) and differs between versions.
 */
final class ContentTypes {

	private static final String FALLBACK = "application/octet-stream";

	private static final Map<String, String> WEB = Map.ofEntries(Map.entry("css", "text/css"),
			Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
			Map.entry("map", "application/json"), Map.entry("json", "application/json"),
			Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("txt", "text/plain"),
			Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"), Map.entry("ico", "image/x-icon"),
			Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
			Map.entry("otf", "font/otf"), Map.entry("eot", "application/vnd.ms-fontobject"),
			Map.entry("wasm", "application/wasm"), Map.entry("pdf", "application/pdf"),
			Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"));

	private ContentTypes() {
	}

	/** The type of {@code path} (an original or its hashed copy) by its extension. */
	static String of(AssetPath path) {
		String type = WEB.get(path.extension().toLowerCase(Locale.ROOT));
		if (type != null) {
			return type;
		}
		type = URLConnection.guessContentTypeFromName(path.fileName());
		return (type != null) ? type : FALLBACK;
	}

}
