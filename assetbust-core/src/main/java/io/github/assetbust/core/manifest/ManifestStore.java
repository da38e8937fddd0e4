package io.github.assetbust.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.assetbust.core.files.AtomicFiles;

/**
 * Reads and writes manifests. Reads both the v1 format and the original deploy script's flat
 * {@code {"main.css": "cache/main-<md5>.css"}} map; writes v1 only, atomically.
 */
public final class ManifestStore {

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
	 * Reads a manifest from {@code in}, in one pass and without holding more than its entries;
	 * {@code location} only names it in error messages. The stream is left open.
	 * @throws ManifestFormatException if it is not a manifest assetbust can trust
	 */
	public static Manifest read(InputStream in, String location) throws IOException {
		return ManifestReader.read(in, location);
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

	/**
	 * Writes {@code manifest} as v1 JSON, entry by entry; the same manifest always gives the same
	 * bytes, on every platform. The stream is left open: closing it would close the atomic
	 * writer's channel before it is synced.
	 */
	public static void write(Manifest manifest, OutputStream out) throws IOException {
		try (JsonGenerator json = Json.prettyGenerator(out, Json.NAME_VALUE_SEPARATOR_AFTER)) {
			json.writeStartObject();
			json.writeNumberField("version", Manifest.VERSION);
			if (manifest.algorithm() != null) {
				json.writeStringField("algorithm", manifest.algorithm().id());
			}
			if (manifest.generated() != null) {
				json.writeStringField("generated", manifest.generated().toString());
			}
			json.writeObjectFieldStart("assets");
			for (var asset : manifest.assets().entrySet()) {
				ManifestEntry entry = asset.getValue();
				json.writeObjectFieldStart(asset.getKey().toString());
				json.writeStringField("path", entry.path().toString());
				if (entry.integrity() != null) {
					json.writeStringField("integrity", entry.integrity());
				}
				if (entry.size() >= 0) {
					json.writeNumberField("size", entry.size());
				}
				json.writeEndObject();
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		out.write('\n');
	}

}
