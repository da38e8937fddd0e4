package io.github.assetbust.thymeleaf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.Glob;
import io.github.assetbust.core.path.Urls;
import io.github.assetbust.resolve.AssetIndex;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
/**
 * An import map from the manifest: every JavaScript module's original URL to its hashed URL, so
 * that {@code import "./util.js"} inside a module loads {@code util-<md5>.js}. Browsers resolve a
 * relative import against the importing module's URL before they consult the map, so keys are the
 * absolute original URLs, with the same context path and URL prefix as the hashed ones.
 */
public final class ImportMap {

	private static final JsonFactory JSON = new JsonFactory();

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
		Map<String, String> imports = new LinkedHashMap<>();
		Map<String, String> integrity = new LinkedHashMap<>();
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
		// "</script>" inside a string would end the element early; \u003c means the same in JSON
		return json(imports, integrity).replace("<", "\\u003c");
	}

	/** {@code {"imports": {...}, "integrity": {...}}}, indented as Jackson's default pretty printer does. */
	private static String json(Map<String, String> imports, Map<String, String> integrity) {
		StringWriter text = new StringWriter();
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
		printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
		try (JsonGenerator json = JSON.createGenerator(text).setPrettyPrinter(printer)) {
			json.writeStartObject();
			writeObject(json, "imports", imports);
			if (!integrity.isEmpty()) {
				writeObject(json, "integrity", integrity);
			}
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Writing to a string cannot fail", ex);
		}
		return text.toString();
	}

	private static void writeObject(JsonGenerator json, String name, Map<String, String> values) throws IOException {
		json.writeObjectFieldStart(name);
		for (Map.Entry<String, String> value : values.entrySet()) {
			json.writeStringField(value.getKey(), value.getValue());
		}
		json.writeEndObject();
	}

	private static boolean isModule(AssetPath path) {
		String extension = path.extension().toLowerCase(Locale.ROOT);
		return extension.equals("js") || extension.equals("mjs");
	}

	private record Rendered(AssetIndex index, String probe, String modules, boolean integrity, String json) {
	}

}
