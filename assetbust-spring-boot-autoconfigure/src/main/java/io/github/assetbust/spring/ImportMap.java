package io.github.assetbust.spring;

import java.util.Locale;
import java.util.Map;

import io.github.assetbust.core.AssetPath;
import io.github.assetbust.core.Glob;
import io.github.assetbust.core.ManifestEntry;
import io.github.assetbust.core.Urls;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An import map from the manifest: every JavaScript module's original URL to its hashed URL, so
 * that {@code import "./util.js"} inside a module loads {@code util-<md5>.js}. Browsers resolve a
 * relative import against the importing module's URL before they consult the map, so keys are the
 * absolute original URLs, with the same context path and URL prefix as the hashed ones.
 */
public final class ImportMap {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AssetManifest manifest;

	private final AssetResolver resolver;

	private volatile Rendered last;

	public ImportMap(AssetManifest manifest, AssetResolver resolver) {
		this.manifest = manifest;
		this.resolver = resolver;
	}

	/**
	 * The import map as JSON, safe to put inside a {@code <script>} element.
	 * @param modules a glob of the modules to map ({@code js/**}), or empty for every {@code .js}
	 * and {@code .mjs} file
	 * @param integrity whether to add their integrity values, which browsers check on import
	 */
	public String json(String modules, boolean integrity) {
		AssetIndex index = this.manifest.index();
		// the URLs depend on the request's context path: the first module's hashed URL tells it
		String probe = index.manifest().assets().isEmpty() ? ""
				: this.resolver.url(index.manifest().assets().keySet().iterator().next().toString());
		Rendered last = this.last;
		if (last != null && last.index() == index && last.probe().equals(probe) && last.modules().equals(modules)
				&& last.integrity() == integrity) {
			return last.json();
		}
		String json = render(index, modules, integrity);
		this.last = new Rendered(index, probe, modules, integrity, json);
		return json;
	}

	private String render(AssetIndex index, String modules, boolean withIntegrity) {
		Glob glob = modules.isBlank() ? null : Glob.of(modules.trim());
		ObjectNode map = JSON.createObjectNode();
		ObjectNode imports = map.putObject("imports");
		ObjectNode integrity = JSON.createObjectNode();
		for (Map.Entry<AssetPath, ManifestEntry> entry : index.manifest().assets().entrySet()) {
			AssetPath original = entry.getKey();
			if (!isModule(original) || (glob != null && !glob.matches(original))) {
				continue;
			}
			String hashedUrl = this.resolver.url(original.toString());
			String hashedPath = Urls.encodePath("/" + entry.getValue().path());
			if (!hashedUrl.endsWith(hashedPath)) {
				continue;
			}
			String base = hashedUrl.substring(0, hashedUrl.length() - hashedPath.length());
			imports.put(base + Urls.encodePath("/" + original), hashedUrl);
			if (withIntegrity && entry.getValue().integrity() != null) {
				integrity.put(hashedUrl, entry.getValue().integrity());
			}
		}
		if (!integrity.isEmpty()) {
			map.set("integrity", integrity);
		}
		// "</script>" inside a string would end the element early; \u003c means the same in JSON
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map).replace("<", "\\u003c");
	}

	private static boolean isModule(AssetPath path) {
		String extension = path.extension().toLowerCase(Locale.ROOT);
		return extension.equals("js") || extension.equals("mjs");
	}

	private record Rendered(AssetIndex index, String probe, String modules, boolean integrity, String json) {
	}

}
