package io.github.assetbust.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the last build learnt about each source file, so that a rebuild reuses the digest of a
 * file whose size, modification time and inode are all unchanged and whose hashed copy is still in
 * place, instead of reading it again. Any doubt (a changed stat, a missing copy, another digest
 * setting, an unreadable cache) means the file is hashed again: the cache can make a build faster,
 * never wrong.
 */
final class BuildCache {

	private static final Logger logger = LoggerFactory.getLogger(BuildCache.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Outcomes that a rebuild cannot change while the file stays the same. */
	private static final Set<ReferenceOutcome> STABLE = EnumSet.of(ReferenceOutcome.DATA_URI,
			ReferenceOutcome.EXTERNAL, ReferenceOutcome.FRAGMENT_ONLY);

	private final String settings;

	private final Map<AssetPath, Entry> previous;

	/** What the last build decided about the variants of each hashed copy it knew. */
	private final Map<AssetPath, Map<Compression, Boolean>> previousVariants = new HashMap<>();

	private final Map<AssetPath, Entry> current = new ConcurrentHashMap<>();

	/**
	 * What is known of one source file.
	 * @param stamp its size, modification time and inode when it was hashed
	 * @param copy its manifest entry: hashed copy, integrity and size
	 * @param outcomes how its references ended, for files whose references never change anything
	 * @param variants for each compression tried on the hashed copy: {@code true} if its variant
	 * was written (and made durable) or found in place, {@code false} if it was not smaller than
	 * the copy and so not written
	 */
	record Entry(String stamp, ManifestEntry copy, Map<ReferenceOutcome, Integer> outcomes,
			Map<Compression, Boolean> variants) {

		Entry {
			variants = variants.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(variants));
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
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode root = MAPPER.readTree(in);
			if (!settings.equals(root.path("settings").asString(""))) {
				return new BuildCache(settings, Map.of());
			}
			Map<AssetPath, Entry> entries = new TreeMap<>();
			for (Map.Entry<String, JsonNode> node : root.required("files").properties()) {
				JsonNode value = node.getValue();
				Map<ReferenceOutcome, Integer> outcomes = new EnumMap<>(ReferenceOutcome.class);
				for (Map.Entry<String, JsonNode> outcome : value.path("outcomes").properties()) {
					outcomes.put(ReferenceOutcome.valueOf(outcome.getKey()), outcome.getValue().asInt());
				}
				ManifestEntry copy = new ManifestEntry(AssetPath.of(value.required("path").asString()),
						integrityOf(value), value.required("size").asLong());
				Map<Compression, Boolean> variants = new EnumMap<>(Compression.class);
				for (Map.Entry<String, JsonNode> variant : value.path("variants").properties()) {
					variants.put(Compression.fromId(variant.getKey()), variant.getValue().asBoolean());
				}
				entries.put(AssetPath.of(node.getKey()),
						new Entry(value.required("stamp").asString(), copy, outcomes, variants));
			}
			return new BuildCache(settings, entries);
		}
		catch (NoSuchFileException ex) {
			return new BuildCache(settings, Map.of());
		}
		catch (IOException | JacksonException | IllegalArgumentException | AssetbustException ex) {
			logger.warn("Ignoring the build cache {}: {}", file, ex.getMessage());
			return new BuildCache(settings, Map.of());
		}
	}

	private static String integrityOf(JsonNode value) {
		String integrity = value.required("integrity").asString();
		return integrity.isEmpty() ? null : integrity;
	}

	/** The stamp of a source file: what a rebuild compares to tell whether it changed. */
	static String stamp(BasicFileAttributes attributes) {
		return attributes.size() + "/" + attributes.lastModifiedTime().toInstant() + "/" + attributes.fileKey();
	}

	/**
	 * The last build's copy of {@code asset} if it can be trusted: same stamp, and the hashed copy
	 * still there with its size. A file that had references is trusted only if they all were of a
	 * kind that cannot change while the file does not.
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
	Map<Compression, Boolean> previousVariants(AssetPath hashedCopy) {
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
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", 1);
		root.put("settings", this.settings);
		ObjectNode files = root.putObject("files");
		new TreeMap<>(this.current).forEach((asset, entry) -> {
			ObjectNode node = files.putObject(asset.toString());
			node.put("stamp", entry.stamp());
			node.put("path", entry.copy().path().toString());
			node.put("integrity", Objects.requireNonNullElse(entry.copy().integrity(), ""));
			node.put("size", entry.copy().size());
			ObjectNode outcomes = node.putObject("outcomes");
			entry.outcomes().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
			if (!entry.variants().isEmpty()) {
				ObjectNode variants = node.putObject("variants");
				new EnumMap<>(entry.variants()).forEach((compression, written) -> variants.put(compression.id(), written));
			}
		});
		byte[] json = MAPPER.writeValueAsBytes(root);
		AtomicFiles.write(file, (out) -> {
			out.write(json);
			return null;
		});
	}

}
