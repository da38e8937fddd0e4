package io.github.assetbust.core;

import java.io.IOException;
import java.io.InputStream;
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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of which hashed copies each build generated, newest first. It is what lets a
 * cleaner delete only files this tool made, and keep the ones that servers still running an
 * earlier generation may hand out, across restarts and from any process.
 * @param list every generation still on record, newest first
 */
public record Generations(List<Generation> list) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
		JsonNode root;
		try (InputStream in = Files.newInputStream(file)) {
			root = MAPPER.readTree(in);
		}
		catch (NoSuchFileException ex) {
			return none();
		}
		catch (IOException | JacksonException ex) {
			throw new AssetbustException("Cannot read the generation record " + file + ": " + ex.getMessage(), ex);
		}
		try {
			List<Generation> generations = new ArrayList<>();
			for (JsonNode node : root.required("generations")) {
				Set<AssetPath> files = new TreeSet<>();
				for (JsonNode path : node.required("files")) {
					files.add(AssetPath.of(path.stringValue()));
				}
				generations.add(new Generation(Instant.parse(node.required("built").stringValue()), files));
			}
			return new Generations(generations);
		}
		catch (JacksonException | DateTimeParseException | InvalidAssetPathException | NullPointerException ex) {
			throw new AssetbustException("The generation record " + file + " is malformed: " + ex.getMessage()
					+ "; move it away to start a new record (earlier hashed copies are then never deleted)", ex);
		}
	}

	/** Writes the record to {@code file} atomically. */
	public void write(Path file) throws IOException {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", 1);
		ArrayNode generations = root.putArray("generations");
		for (Generation generation : this.list) {
			ObjectNode node = generations.addObject();
			node.put("built", generation.built().toString());
			ArrayNode files = node.putArray("files");
			generation.files().forEach((path) -> files.add(path.toString()));
		}
		byte[] json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
		AtomicFiles.write(file, (out) -> {
			out.write(json);
			return null;
		});
	}

}
