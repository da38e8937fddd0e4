package io.github.assetbust.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes manifests. Reads both the v1 format and the original deploy script's flat
 * {@code {"main.css": "cache/main-<md5>.css"}} map; writes v1 only, atomically.
 */
public final class ManifestStore {

	// a manifest naming one asset twice is ambiguous, so it is rejected rather than last-one-wins
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	// the caller owns the stream: closing it would close the atomic writer's channel before it is synced
	private static final ObjectWriter WRITER = MAPPER.writer()
		.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.with(new DefaultPrettyPrinter().withSeparators(
				Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)));

	private ManifestStore() {
	}

	/**
	 * Reads the manifest at {@code file}.
	 * @throws ManifestFormatException if it is not a manifest assetbust can trust
	 * @throws NoSuchFileException if there is no such file
	 */
	public static Manifest read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
	}

	/**
	 * Reads a manifest from {@code in}; {@code location} only names it in error messages.
	 * @throws ManifestFormatException if it is not a manifest assetbust can trust
	 */
	public static Manifest read(InputStream in, String location) throws IOException {
		JsonNode root;
		try {
			root = MAPPER.readTree(in);
		}
		catch (JacksonException ex) {
			throw new ManifestFormatException(location, withoutSourceMarker(ex.getOriginalMessage()) + describe(ex), ex);
		}
		if (root == null || root.isMissingNode() || !root.isObject()) {
			throw new ManifestFormatException(location, "expected a JSON object, found "
					+ ((root == null || root.isMissingNode()) ? "nothing (the file is empty)" : root.getNodeType()));
		}
		return root.has("version") ? readVersioned(root, location) : readFlat(root, location);
	}

	private static Manifest readVersioned(JsonNode root, String location) {
		JsonNode version = root.get("version");
		if (!version.isInt() || version.intValue() != Manifest.VERSION) {
			throw new ManifestFormatException(location, "unsupported version " + version
					+ "; this assetbust reads version " + Manifest.VERSION);
		}
		DigestAlgorithm algorithm = root.hasNonNull("algorithm")
				? algorithm(text(root.get("algorithm"), "algorithm", location), location) : null;
		Instant generated = root.hasNonNull("generated")
				? parseInstant(text(root.get("generated"), "generated", location), location) : null;
		JsonNode assets = root.get("assets");
		if (assets == null || !assets.isObject()) {
			throw new ManifestFormatException(location, "\"assets\" must be a JSON object");
		}
		Map<AssetPath, ManifestEntry> entries = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> asset : assets.properties()) {
			String key = asset.getKey();
			JsonNode value = asset.getValue();
			if (!value.isObject()) {
				throw new ManifestFormatException(location, "entry \"" + key + "\" must be a JSON object");
			}
			AssetPath path = path(text(value.get("path"), key + ".path", location), key, location);
			String integrity = value.hasNonNull("integrity") ? text(value.get("integrity"), key + ".integrity", location)
					: null;
			long size = size(value.get("size"), key, location);
			put(entries, path(key, key, location), new ManifestEntry(path, integrity, size), location);
		}
		return new Manifest(algorithm, generated, entries);
	}

	private static Manifest readFlat(JsonNode root, String location) {
		Map<AssetPath, ManifestEntry> entries = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> asset : root.properties()) {
			String key = asset.getKey();
			AssetPath path = path(text(asset.getValue(), key, location), key, location);
			put(entries, path(key, key, location), new ManifestEntry(path, null, -1), location);
		}
		return new Manifest(null, null, entries);
	}

	private static void put(Map<AssetPath, ManifestEntry> entries, AssetPath key, ManifestEntry entry,
			String location) {
		if (entries.putIfAbsent(key, entry) != null) {
			throw new ManifestFormatException(location,
					"two entries name the asset \"" + key + "\" once their paths are normalised");
		}
	}

	private static String text(JsonNode node, String field, String location) {
		if (node == null || !node.isString()) {
			throw new ManifestFormatException(location, "\"" + field + "\" must be a string");
		}
		return node.stringValue();
	}

	private static AssetPath path(String value, String key, String location) {
		try {
			return AssetPath.of(value);
		}
		catch (InvalidAssetPathException ex) {
			throw new ManifestFormatException(location, "entry \"" + key + "\": " + ex.getMessage(), ex);
		}
	}

	private static DigestAlgorithm algorithm(String id, String location) {
		try {
			return DigestAlgorithm.fromId(id);
		}
		catch (AssetbustException ex) {
			throw new ManifestFormatException(location, ex.getMessage(), ex);
		}
	}

	private static Instant parseInstant(String value, String location) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ManifestFormatException(location, "\"generated\" is not an ISO-8601 instant: " + value, ex);
		}
	}

	private static long size(JsonNode node, String key, String location) {
		if (node == null || node.isNull()) {
			return -1;
		}
		if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 0) {
			throw new ManifestFormatException(location, "\"" + key + ".size\" must be a whole number of bytes, not " + node);
		}
		return node.asLong();
	}

	/**
	 * Jackson names where an unclosed array or object started as "(start marker at [Source:
	 * REDACTED ...; byte offset: #UNKNOWN])", which tells a reader nothing; the line and column of
	 * the error follow anyway.
	 */
	private static String withoutSourceMarker(String message) {
		return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
	}

	private static String describe(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	/**
	 * Writes {@code manifest} to {@code file} atomically: a reader sees the old manifest or the
	 * new one, never a mix, even if the process dies half-way.
	 */
	public static void write(Manifest manifest, Path file) throws IOException {
		AtomicFiles.write(file, (out) -> {
			write(manifest, out);
			return null;
		});
	}

	/** Writes {@code manifest} as v1 JSON; the same manifest always gives the same bytes. */
	public static void write(Manifest manifest, OutputStream out) throws IOException {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", Manifest.VERSION);
		if (manifest.algorithm() != null) {
			root.put("algorithm", manifest.algorithm().id());
		}
		if (manifest.generated() != null) {
			root.put("generated", manifest.generated().toString());
		}
		ObjectNode assets = root.putObject("assets");
		manifest.assets().forEach((original, entry) -> {
			ObjectNode node = assets.putObject(original.toString());
			node.put("path", entry.path().toString());
			if (entry.integrity() != null) {
				node.put("integrity", entry.integrity());
			}
			if (entry.size() >= 0) {
				node.put("size", entry.size());
			}
		});
		try {
			WRITER.writeValue(out, root);
		}
		catch (JacksonException ex) {
			throw new IOException("Cannot write manifest: " + ex.getOriginalMessage(), ex);
		}
		out.write('\n');
	}

}
