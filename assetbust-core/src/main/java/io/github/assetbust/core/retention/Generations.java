package io.github.assetbust.core.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.manifest.Json;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.InvalidAssetPathException;

/**
 * The record of which hashed copies each build generated, newest first. It is what lets a
 * cleaner delete only files this tool made, and keep the ones that servers still running an
 * earlier generation may hand out, across restarts and from any process.
 * @param list every generation still on record, newest first
 */
public record Generations(List<Generation> list) {

	public Generations {
		list = List.copyOf(list);
	}

	/**
	 * One build's hashed copies.
	 * @param built when the build ran
	 * @param files the hashed copies it pointed its manifest at
	 */
	public record Generation(Instant built, Set<AssetPath> files) {

		public Generation {
			files = Collections.unmodifiableSet(new TreeSet<>(files));
		}

	}

	public static Generations none() {
		return new Generations(List.of());
	}

	/** This record with {@code generation} as the newest, unless it is the same set of files as the newest. */
	public Generations record(Generation generation) {
		if (!this.list.isEmpty() && this.list.get(0).files().equals(generation.files())) {
			return this;
		}
		List<Generation> updated = new ArrayList<>();
		updated.add(generation);
		updated.addAll(this.list);
		return new Generations(updated);
	}

	/** Every file any generation on record generated. */
	public Set<AssetPath> allFiles() {
		Set<AssetPath> files = new TreeSet<>();
		this.list.forEach((generation) -> files.addAll(generation.files()));
		return files;
	}

	/**
	 * Reads the record at {@code file}; a missing file is an empty record.
	 * @throws AssetbustException if it cannot be trusted, naming the file
	 */
	public static Generations read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (NoSuchFileException ex) {
			return none();
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read the generation record " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a record from {@code in}, which is left open; {@code location} only names it in
	 * error messages. For records kept elsewhere than in a file, such as in a bucket.
	 * @throws AssetbustException if it cannot be trusted, naming the location
	 */
	public static Generations read(InputStream in, String location) {
		try (JsonParser json = Json.FACTORY.createParser(in)) {
			return new Generations(readGenerations(json));
		}
		catch (JsonProcessingException ex) {
			throw new AssetbustException("Cannot read the generation record " + location + ": " + Json.problem(ex), ex);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read the generation record " + location + ": " + ex.getMessage(), ex);
		}
		catch (MalformedRecordException | DateTimeParseException | InvalidAssetPathException ex) {
			throw new AssetbustException("The generation record " + location + " is malformed: " + ex.getMessage()
					+ "; move it away to start a new record (earlier hashed copies are then never deleted)", ex);
		}
	}

	private static List<Generation> readGenerations(JsonParser json) throws IOException {
		List<Generation> generations = null;
		expect(json, json.nextToken(), JsonToken.START_OBJECT, "the record");
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			if (json.currentName().equals("generations")) {
				generations = new ArrayList<>();
				expect(json, json.nextToken(), JsonToken.START_ARRAY, "\"generations\"");
				while (json.nextToken() != JsonToken.END_ARRAY) {
					generations.add(readGeneration(json));
				}
			}
			else {
				json.nextToken();
				json.skipChildren();
			}
		}
		if (generations == null) {
			throw new MalformedRecordException("it has no \"generations\"");
		}
		return generations;
	}

	private static Generation readGeneration(JsonParser json) throws IOException {
		expect(json, json.currentToken(), JsonToken.START_OBJECT, "a generation");
		Instant built = null;
		Set<AssetPath> files = null;
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if (name.equals("built")) {
				expect(json, value, JsonToken.VALUE_STRING, "\"built\"");
				built = Instant.parse(json.getText());
			}
			else if (name.equals("files")) {
				files = new TreeSet<>();
				expect(json, value, JsonToken.START_ARRAY, "\"files\"");
				while (json.nextToken() != JsonToken.END_ARRAY) {
					expect(json, json.currentToken(), JsonToken.VALUE_STRING, "a file");
					files.add(AssetPath.of(json.getText()));
				}
			}
			else {
				json.skipChildren();
			}
		}
		if (built == null || files == null) {
			throw new MalformedRecordException("a generation without \"built\" or \"files\""
					+ Json.where(json.currentTokenLocation()));
		}
		return new Generation(built, files);
	}

	private static void expect(JsonParser json, JsonToken actual, JsonToken expected, String what) {
		if (actual != expected) {
			throw new MalformedRecordException(what + " is not " + ((expected == JsonToken.VALUE_STRING) ? "a string"
					: (expected == JsonToken.START_ARRAY) ? "an array" : "an object")
					+ Json.where(json.currentTokenLocation()));
		}
	}

	/** Writes the record to {@code file} atomically. */
	public void write(Path file) throws IOException {
		AtomicFiles.write(file, (out) -> {
			write(out);
			return null;
		});
	}

	/**
	 * Writes the record as JSON to {@code out}, which is left open: for records kept elsewhere
	 * than in a file, such as in a bucket.
	 */
	public void write(OutputStream out) throws IOException {
		try (JsonGenerator json = Json.prettyGenerator(out, Json.NAME_VALUE_SEPARATOR_AROUND)) {
			json.writeStartObject();
			json.writeNumberField("version", 1);
			json.writeArrayFieldStart("generations");
			for (Generation generation : this.list) {
				json.writeStartObject();
				json.writeStringField("built", generation.built().toString());
				json.writeArrayFieldStart("files");
				for (AssetPath path : generation.files()) {
					json.writeString(path.toString());
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/** A record that is JSON but not a generation record. */
	private static final class MalformedRecordException extends RuntimeException {

		MalformedRecordException(String message) {
			super(message);
		}

	}

}
