package io.github.assetbust.core.manifest;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * How core reads and writes its JSON files, with Jackson's streaming parser and generator: UTF-8,
 * and the caller's stream left open (the atomic writer syncs and closes it).
 */
public final class Json {

	/** {@code "name": value}, as in the manifest. */
	static final boolean NAME_VALUE_SEPARATOR_AFTER = true;

	/** {@code "name" : value}, Jackson's default, as in the generation record. */
	public static final boolean NAME_VALUE_SEPARATOR_AROUND = false;

	/**
	 * A name that appears twice in one object is an error, not last-one-wins: a manifest naming
	 * one asset twice is ambiguous. Names are not cached: nearly every name in a manifest or build
	 * cache is a path that appears once, and a cache of a million of them would only grow.
	 */
	public static final JsonFactory FACTORY = new JsonFactoryBuilder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
		.build();

	private Json() {
	}

	/** A generator with no whitespace at all. */
	public static JsonGenerator compactGenerator(OutputStream out) throws IOException {
		return FACTORY.createGenerator(out);
	}

	/**
	 * A generator that indents objects by two spaces per level and keeps arrays on one line, as
	 * Jackson's default pretty printer does, but always with {@code \n} line ends: the same bytes
	 * on every platform.
	 * @param spaceAfterOnly whether the name-value separator is {@code ": "} rather than {@code " : "}
	 */
	public static JsonGenerator prettyGenerator(OutputStream out, boolean spaceAfterOnly) throws IOException {
		Separators separators = Separators.createDefaultInstance();
		if (spaceAfterOnly) {
			separators = separators.withObjectFieldValueSpacing(Separators.Spacing.AFTER);
		}
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
		printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
		return compactGenerator(out).setPrettyPrinter(printer);
	}

	/** Jackson's message for what is wrong with a file, and where: line and column. */
	public static String problem(JsonProcessingException ex) {
		return withoutSourceMarker(ex.getOriginalMessage()) + where(ex.getLocation());
	}

	/** {@code " (line 3, column 14)"}, or nothing when the location is unknown. */
	public static String where(JsonLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
	}

	/**
	 * Jackson names where an unclosed array or object started as "(start marker at [Source:
	 * REDACTED ...; byte offset: #UNKNOWN])", which tells a reader nothing; the line and column of
	 * the error follow anyway.
	 */
	private static String withoutSourceMarker(String message) {
		return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
	}

}
