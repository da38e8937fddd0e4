package io.github.assetbust.core.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.manifest.Json;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.KnownReferences;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last build learnt about each source file, so that a rebuild reuses the digest of a
 * file whose size, modification time and inode are all unchanged and whose hashed copy is still in
 * place, instead of reading it again. Any doubt (a changed stat, a missing copy, another digest
 * setting, an unreadable cache) means the file is hashed again: the cache can make a build faster,
 * never wrong.
 */
public final class BuildCache {

	private static final Logger logger = LoggerFactory.getLogger(BuildCache.class);

	/**
	 * Outcomes that a rebuild cannot change while the file stays the same, but for a rewritten
	 * reference, which stays as it was while its target's hashed copy does.
	 */
	private static final Set<ReferenceOutcome> STABLE = EnumSet.of(ReferenceOutcome.DATA_URI,
			ReferenceOutcome.EXTERNAL, ReferenceOutcome.FRAGMENT_ONLY, ReferenceOutcome.REWRITTEN);

	private final String settings;

	private final Map<AssetPath, Entry> previous;

	/** What the last build decided about the variants of each hashed copy it knew. */
	private final Map<AssetPath, Map<Compression, Boolean>> previousVariants = new HashMap<>();

	private final Map<AssetPath, Entry> current = new ConcurrentHashMap<>();

	/**
	 * What is known of one source file.
	 * @param stamp its size, modification time and inode when it was hashed
	 * @param copy its manifest entry: hashed copy, integrity and size
	 * @param outcomes how its references ended
	 * @param variants for each compression tried on the hashed copy: {@code true} if its variant
	 * was written (and made durable) or found in place, {@code false} if it was not smaller than
	 * the copy and so not written
	 * @param targets the assets its references point at: its copy stays as it is while theirs do
	 */
	public record Entry(String stamp, ManifestEntry copy, Map<ReferenceOutcome, Integer> outcomes,
			Map<Compression, Boolean> variants, List<AssetPath> targets) {

		public Entry {
			variants = variants.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(variants));
			targets = List.copyOf(targets);
		}

		public Entry(String stamp, ManifestEntry copy, Map<ReferenceOutcome, Integer> outcomes,
				Map<Compression, Boolean> variants) {
			this(stamp, copy, outcomes, variants, List.of());
		}

		/** What the entry says of the file's references, for the plan. */
		public KnownReferences references() {
			return new KnownReferences(this.outcomes, this.targets);
		}

	}

	private BuildCache(String settings, Map<AssetPath, Entry> previous) {
		this.settings = settings;
		this.previous = previous;
		previous.values().forEach((entry) -> this.previousVariants.put(entry.copy().path(), entry.variants()));
	}

	static BuildCache empty(BuildOptions options) {
		return new BuildCache(settings(options), Map.of());
	}

	private static String settings(BuildOptions options) {
		return options.algorithm().id() + ":" + options.digestLength();
	}

	/** Reads the cache at {@code file}; anything unexpected gives an empty cache. */
	static BuildCache read(Path file, BuildOptions options) {
		String settings = settings(options);
		try (InputStream in = Files.newInputStream(file); JsonParser json = Json.FACTORY.createParser(in)) {
			return new BuildCache(settings, readEntries(json, settings));
		}
		catch (NoSuchFileException ex) {
			return new BuildCache(settings, Map.of());
		}
		catch (JsonProcessingException ex) {
			logger.warn("Ignoring the build cache {}: {}", file, Json.problem(ex));
			return new BuildCache(settings, Map.of());
		}
		catch (IOException | IllegalArgumentException | AssetbustException ex) {
			logger.warn("Ignoring the build cache {}: {}", file, ex.getMessage());
			return new BuildCache(settings, Map.of());
		}
	}

	/** The entries of a cache written with {@code settings}; none if it was written with others. */
	private static Map<AssetPath, Entry> readEntries(JsonParser json, String settings) throws IOException {
		String written = null;
		Map<AssetPath, Entry> entries = null;
		require(json.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if (name.equals("settings") && value == JsonToken.VALUE_STRING) {
				written = json.getText();
				if (!settings.equals(written)) {
					// another digest setting: none of its entries can be reused, so none are read
					return Map.of();
				}
			}
			else if (name.equals("files")) {
				require(value == JsonToken.START_OBJECT, "\"files\" is not an object");
				entries = new TreeMap<>();
				while (json.nextToken() == JsonToken.FIELD_NAME) {
					AssetPath asset = AssetPath.of(json.currentName());
					entries.put(asset, readEntry(json, asset));
				}
			}
			else {
				json.skipChildren();
			}
		}
		if (!settings.equals(written)) {
			return Map.of();
		}
		require(entries != null, "no \"files\"");
		return entries;
	}

	private static Entry readEntry(JsonParser json, AssetPath asset) throws IOException {
		require(json.nextToken() == JsonToken.START_OBJECT, asset + " is not an object");
		String stamp = null;
		String path = null;
		String integrity = null;
		long size = -1;
		Map<ReferenceOutcome, Integer> outcomes = new EnumMap<>(ReferenceOutcome.class);
		Map<Compression, Boolean> variants = new EnumMap<>(Compression.class);
		List<AssetPath> targets = new ArrayList<>();
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			switch (name) {
				case "stamp" -> stamp = string(json, value, name);
				case "path" -> path = string(json, value, name);
				case "integrity" -> integrity = string(json, value, name);
				case "size" -> {
					require(value == JsonToken.VALUE_NUMBER_INT, asset + ": \"size\" is not a whole number");
					size = json.getLongValue();
				}
				case "outcomes" -> {
					require(value == JsonToken.START_OBJECT, asset + ": \"outcomes\" is not an object");
					while (json.nextToken() == JsonToken.FIELD_NAME) {
						ReferenceOutcome outcome = ReferenceOutcome.valueOf(json.currentName());
						require(json.nextToken() == JsonToken.VALUE_NUMBER_INT, asset + ": an outcome is not a count");
						outcomes.put(outcome, json.getIntValue());
					}
				}
				case "variants" -> {
					require(value == JsonToken.START_OBJECT, asset + ": \"variants\" is not an object");
					while (json.nextToken() == JsonToken.FIELD_NAME) {
						Compression compression = Compression.fromId(json.currentName());
						require(json.nextToken().isBoolean(), asset + ": a variant is not true or false");
						variants.put(compression, json.getBooleanValue());
					}
				}
				case "targets" -> {
					require(value == JsonToken.START_ARRAY, asset + ": \"targets\" is not an array");
					while (json.nextToken() == JsonToken.VALUE_STRING) {
						targets.add(AssetPath.of(json.getText()));
					}
				}
				default -> json.skipChildren();
			}
		}
		require(stamp != null && path != null && integrity != null && size >= 0,
				asset + ": one of stamp, path, integrity and size is missing");
		ManifestEntry copy = new ManifestEntry(AssetPath.of(path), integrity.isEmpty() ? null : integrity, size);
		return new Entry(stamp, copy, outcomes, variants, targets);
	}

	private static String string(JsonParser json, JsonToken value, String name) throws IOException {
		require(value == JsonToken.VALUE_STRING, "\"" + name + "\" is not a string");
		return json.getText();
	}

	/** Anything unexpected makes the whole cache untrusted: the build then hashes every file. */
	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalArgumentException(problem);
		}
	}

	/** The stamp of a source file: what a rebuild compares to tell whether it changed. */
	public static String stamp(BasicFileAttributes attributes) {
		return FileStamp.of(attributes);
	}

	/**
	 * The last build's copy of {@code asset} if it can be trusted: same stamp, and the hashed copy
	 * still there with its size. A file that had references is trusted only if they all were of a
	 * kind that cannot change while the file does not; one with rewritten references only as long
	 * as the caller finds the copies of all its {@link Entry#targets()} reusable too.
	 */
	Entry reusable(Path root, AssetPath asset, String stamp) {
		Entry entry = this.previous.get(asset);
		if (entry == null || stamp == null || !entry.stamp().equals(stamp)
				|| !STABLE.containsAll(entry.outcomes().keySet())) {
			return null;
		}
		try {
			Path copy = entry.copy().path().resolveAgainst(root);
			BasicFileAttributes attributes = Files.readAttributes(copy, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return (attributes.isRegularFile() && attributes.size() == entry.copy().size()) ? entry : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * What the last build decided about the variants of {@code hashedCopy}: whatever changed since,
	 * a copy's name stands for its bytes, so a variant that was not smaller then is not now.
	 */
	public Map<Compression, Boolean> previousVariants(AssetPath hashedCopy) {
		return this.previousVariants.getOrDefault(hashedCopy, Map.of());
	}

	/** Remembers {@code asset} for the next build. */
	void put(AssetPath asset, Entry entry) {
		if (entry.stamp() != null) {
			this.current.put(asset, entry);
		}
	}

	/** Writes what this build learnt to {@code file}, unless it is what the file already says. */
	void write(Path file) throws IOException {
		if (this.current.equals(this.previous)) {
			return;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator json = Json.compactGenerator(bytes)) {
			json.writeStartObject();
			json.writeNumberField("version", 1);
			json.writeStringField("settings", this.settings);
			json.writeObjectFieldStart("files");
			for (Map.Entry<AssetPath, Entry> asset : new TreeMap<>(this.current).entrySet()) {
				writeEntry(json, asset.getKey(), asset.getValue());
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		byte[] written = bytes.toByteArray();
		AtomicFiles.write(file, (out) -> {
			out.write(written);
			return null;
		});
	}

	private static void writeEntry(JsonGenerator json, AssetPath asset, Entry entry) throws IOException {
		json.writeObjectFieldStart(asset.toString());
		json.writeStringField("stamp", entry.stamp());
		json.writeStringField("path", entry.copy().path().toString());
		json.writeStringField("integrity", Objects.requireNonNullElse(entry.copy().integrity(), ""));
		json.writeNumberField("size", entry.copy().size());
		json.writeObjectFieldStart("outcomes");
		for (Map.Entry<ReferenceOutcome, Integer> outcome : entry.outcomes().entrySet()) {
			json.writeNumberField(outcome.getKey().name(), outcome.getValue());
		}
		json.writeEndObject();
		if (!entry.variants().isEmpty()) {
			json.writeObjectFieldStart("variants");
			for (Map.Entry<Compression, Boolean> variant : new EnumMap<>(entry.variants()).entrySet()) {
				json.writeBooleanField(variant.getKey().id(), variant.getValue());
			}
			json.writeEndObject();
		}
		if (!entry.targets().isEmpty()) {
			json.writeArrayFieldStart("targets");
			for (AssetPath target : entry.targets()) {
				json.writeString(target.toString());
			}
			json.writeEndArray();
		}
		json.writeEndObject();
	}

}
