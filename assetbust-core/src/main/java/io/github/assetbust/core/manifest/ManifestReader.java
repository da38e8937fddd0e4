package io.github.assetbust.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.InvalidAssetPathException;

/**
 * Reads one manifest token by token, in one pass and without a tree, so that a manifest of a
 * million entries costs its entries and little more.
 *
 * <p>Which format a file is in is only known once its root has been read: it is a v1 manifest if
 * the root has a {@code "version"}, anywhere, and the original script's flat map otherwise. So
 * until a {@code "version"} turns up, every top-level string is also kept as a flat entry, and a
 * problem is held back while it depends on the format: a property that a flat map cannot have
 * fails the file only if no {@code "version"} follows, and an {@code "assets"} read before the
 * {@code "version"} only fails it if that version is one this code reads. What is reported is
 * then what a reader that looked at the whole tree first would say.
 */
final class ManifestReader {

	/** The nesting depth of the root object's properties: 1 inside the root, 2 inside "assets". */
	private static final int ROOT_DEPTH = 1;

	private final JsonParser parser;

	private final String location;

	/** Whether a valid {@code "version"} has been read: the root is then a v1 manifest. */
	private boolean versioned;

	/** The entries of "assets", or {@code null} while there was none. */
	private SortedAssets.Builder assets;

	/** What was wrong before a "version" was read, should one follow. */
	private ManifestFormatException versionedProblem;

	/** The top-level strings as a flat manifest, until the root is known not to be one. */
	private SortedAssets.Builder flat = new SortedAssets.Builder();

	/** Why the root cannot be a flat manifest, if no "version" shows it is a v1 one. */
	private ManifestFormatException flatProblem;

	/** "algorithm" and "generated" as read, until a "version" says how to read them. */
	private Field pendingAlgorithm;

	private Field pendingGenerated;

	private DigestAlgorithm algorithm;

	private Instant generated;

	private ManifestReader(JsonParser parser, String location) {
		this.parser = parser;
		this.location = location;
	}

	/**
	 * Reads a manifest from {@code in}; {@code location} only names it in error messages.
	 * @throws ManifestFormatException if it is not a manifest assetbust can trust
	 */
	static Manifest read(InputStream in, String location) throws IOException {
		try (JsonParser parser = Json.FACTORY.createParser(in)) {
			return new ManifestReader(parser, location).read();
		}
		catch (JsonProcessingException ex) {
			throw new ManifestFormatException(location, Json.problem(ex), ex);
		}
	}

	private Manifest read() throws IOException {
		JsonToken root = this.parser.nextToken();
		if (root == null) {
			throw new ManifestFormatException(this.location, "expected a JSON object, found nothing (the file is empty)");
		}
		if (root != JsonToken.START_OBJECT) {
			throw fail("expected a JSON object, found " + describe(root));
		}
		while (this.parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			switch (name) {
				case "version" -> readVersion(value);
				case "assets" -> readAssets(value);
				case "algorithm" -> {
					this.pendingAlgorithm = readMetadata(name, value);
					resolveMetadata();
				}
				case "generated" -> {
					this.pendingGenerated = readMetadata(name, value);
					resolveMetadata();
				}
				default -> readOther(name, value);
			}
		}
		// the root's end; anything after it is not part of a manifest
		JsonToken trailing = this.parser.nextToken();
		if (trailing != null) {
			throw fail("found " + describe(trailing) + " after the end of the manifest's JSON object");
		}
		return this.versioned ? versioned() : flat();
	}

	private void readVersion(JsonToken value) throws IOException {
		if (value != JsonToken.VALUE_NUMBER_INT || this.parser.getNumberType() != JsonParser.NumberType.INT
				|| this.parser.getIntValue() != Manifest.VERSION) {
			throw fail("unsupported version " + valueText(value) + "; this assetbust reads version " + Manifest.VERSION);
		}
		this.versioned = true;
		this.flat = null;
		this.flatProblem = null;
		if (this.versionedProblem != null) {
			throw this.versionedProblem;
		}
		resolveMetadata();
	}

	/** Checks "algorithm" and "generated" once the root is known to be a v1 manifest. */
	private void resolveMetadata() {
		if (!this.versioned) {
			return;
		}
		if (this.pendingAlgorithm != null) {
			String id = this.pendingAlgorithm.text();
			this.algorithm = (id != null) ? algorithm(id, this.pendingAlgorithm) : null;
			this.pendingAlgorithm = null;
		}
		if (this.pendingGenerated != null) {
			String instant = this.pendingGenerated.text();
			this.generated = (instant != null) ? instant(instant, this.pendingGenerated) : null;
			this.pendingGenerated = null;
		}
	}

	/** A v1 property that a flat manifest would read as an entry of the same name. */
	private Field readMetadata(String name, JsonToken value) throws IOException {
		if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
			problemForAVersionedRoot(fail("\"" + name + "\" must be a string"));
		}
		Field field = new Field((value == JsonToken.VALUE_STRING) ? this.parser.getText() : null, where());
		readOther(name, value);
		return field;
	}

	/** A top-level property that a v1 manifest ignores, and a flat one reads as an entry. */
	private void readOther(String name, JsonToken value) throws IOException {
		if (this.flat != null) {
			try {
				AssetPath key = path(name, name);
				put(this.flat, key, new ManifestEntry(path(text(value, name), name), null, -1));
			}
			catch (ManifestFormatException ex) {
				this.flat = null;
				this.flatProblem = ex;
			}
		}
		this.parser.skipChildren();
	}

	private void readAssets(JsonToken value) throws IOException {
		if (this.flat != null) {
			this.flat = null;
			this.flatProblem = fail("\"assets\" must be a string");
		}
		try {
			if (value != JsonToken.START_OBJECT) {
				throw fail("\"assets\" must be a JSON object");
			}
			this.assets = new SortedAssets.Builder();
			while (this.parser.nextToken() == JsonToken.FIELD_NAME) {
				readEntry(this.parser.currentName());
			}
		}
		catch (ManifestFormatException ex) {
			problemForAVersionedRoot(ex);
			skipToTheEndOfAssets();
		}
	}

	/**
	 * Throws {@code problem} if the root is a v1 manifest; keeps the first such problem for the end
	 * otherwise, where a later "version" decides whether it is the one to report.
	 */
	private void problemForAVersionedRoot(ManifestFormatException problem) {
		if (this.versioned) {
			throw problem;
		}
		if (this.versionedProblem == null) {
			this.versionedProblem = problem;
		}
	}

	private void skipToTheEndOfAssets() throws IOException {
		this.parser.skipChildren();
		while (this.parser.getParsingContext().getNestingDepth() > ROOT_DEPTH) {
			this.parser.nextToken();
		}
	}

	private void readEntry(String name) throws IOException {
		AssetPath key = path(name, name);
		if (this.parser.nextToken() != JsonToken.START_OBJECT) {
			throw fail("entry \"" + name + "\" must be a JSON object");
		}
		AssetPath path = null;
		String integrity = null;
		long size = -1;
		while (this.parser.nextToken() == JsonToken.FIELD_NAME) {
			String field = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			switch (field) {
				case "path" -> path = path(text(value, name + ".path"), name);
				case "integrity" -> integrity = (value != JsonToken.VALUE_NULL) ? text(value, name + ".integrity") : null;
				case "size" -> size = size(value, name);
				default -> this.parser.skipChildren();
			}
		}
		if (path == null) {
			throw fail("\"" + name + ".path\" must be a string");
		}
		put(this.assets, key, new ManifestEntry(path, integrity, size));
	}

	private Manifest versioned() {
		if (this.assets == null) {
			throw fail("\"assets\" must be a JSON object");
		}
		return new Manifest(this.algorithm, this.generated, this.assets.build());
	}

	private Manifest flat() {
		if (this.flatProblem != null) {
			throw this.flatProblem;
		}
		return new Manifest(null, null, this.flat.build());
	}

	private void put(SortedAssets.Builder entries, AssetPath key, ManifestEntry entry) {
		if (!entries.add(key, entry)) {
			throw fail("two entries name the asset \"" + key + "\" once their paths are normalised");
		}
	}

	private String text(JsonToken value, String field) throws IOException {
		if (value != JsonToken.VALUE_STRING) {
			throw fail("\"" + field + "\" must be a string");
		}
		return this.parser.getText();
	}

	private AssetPath path(String value, String key) {
		AssetPath path;
		try {
			path = AssetPath.of(value);
		}
		catch (InvalidAssetPathException ex) {
			throw new ManifestFormatException(this.location,
					"entry \"" + ControlCharacters.escape(key) + "\": " + ex.getMessage() + where(), ex);
		}
		AssetRoot.Refusal refusal = AssetRoot.refusedName(path);
		if (refusal != null) {
			// a manifest may not make the build's state, or any dotfile, something to serve
			throw new ManifestFormatException(this.location, "entry \"" + ControlCharacters.escape(key) + "\": '"
					+ ControlCharacters.escape(value) + "' can never be an asset: " + refusal.reason() + where());
		}
		return path;
	}

	private long size(JsonToken value, String key) throws IOException {
		if (value == JsonToken.VALUE_NULL) {
			return -1;
		}
		// a whole number written as 1.0 or 1e3 is still one, as it was for the tree this replaces
		if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
			if (value == JsonToken.VALUE_NUMBER_INT && this.parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
				long size = this.parser.getLongValue();
				if (size >= 0) {
					return size;
				}
			}
			else {
				BigDecimal number = this.parser.getDecimalValue();
				if (number.signum() >= 0 && number.stripTrailingZeros().scale() <= 0
						&& number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
					return number.longValue();
				}
			}
		}
		throw fail("\"" + key + ".size\" must be a whole number of bytes, not " + valueText(value));
	}

	private DigestAlgorithm algorithm(String id, Field field) {
		try {
			return DigestAlgorithm.fromId(id);
		}
		catch (AssetbustException ex) {
			throw new ManifestFormatException(this.location, ex.getMessage() + field.where(), ex);
		}
	}

	private Instant instant(String value, Field field) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ManifestFormatException(this.location,
					"\"generated\" is not an ISO-8601 instant: " + value + field.where(), ex);
		}
	}

	/** The value at hand as the manifest spells it, for a message; a container by its kind only. */
	private String valueText(JsonToken value) throws IOException {
		return switch (value) {
			case VALUE_STRING -> "\"" + this.parser.getText() + "\"";
			case START_OBJECT, START_ARRAY -> describe(value);
			default -> this.parser.getText();
		};
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.asString();
		};
	}

	private ManifestFormatException fail(String problem) {
		return new ManifestFormatException(this.location, problem + where());
	}

	/** Where the token at hand starts. */
	private String where() {
		return Json.where(this.parser.currentTokenLocation());
	}

	/**
	 * A v1 property whose meaning depends on a "version" that may come after it.
	 * @param text its value, or {@code null} if it is JSON null
	 * @param where where it is, for messages
	 */
	private record Field(String text, String where) {

	}

}
