package io.github.assetbust.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.rewrite.ReferenceReport;
import io.github.assetbust.core.scan.AssetScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the last build left the tree, for a build that finds it so to do nothing at all: the
 * {@link TreeFingerprint} of every file and setting it depends on, until when that holds (a stale
 * copy kept for its age stops being kept), and the figures the build reported, to report them
 * again. A small properties file of its own, read before anything else, without a JSON parser.
 * @param tree the fingerprint of the tree as the build left it
 * @param until when the retention rules next remove something; {@code null} for never
 * @param assets how many assets the manifest lists
 * @param references how many references ended each way
 * @param variants the precompressed variants in place and those not written for not being smaller
 */
record UpToDate(String tree, Instant until, int assets, Map<ReferenceOutcome, Integer> references,
		BuildResult.Variants variants) {

	private static final Logger logger = LoggerFactory.getLogger(UpToDate.class);

	UpToDate {
		references = Map.copyOf(references);
	}

	/**
	 * How the build of {@code options} that scanned {@code before} leaves the tree, for the next
	 * build to find it so and do nothing; {@code null} if that build must run anyway: to warn
	 * again about what this one skipped or reported, or because something besides this build
	 * changed the tree while it ran.
	 */
	static UpToDate leftBy(BuildOptions options, AssetScanner scanner, AssetScanner.Scan before, BuildState state,
			Manifest manifest, AssetCleaner.Result clean, ReferenceReport references, BuildResult.Variants variants) {
		if (!before.skipped().isEmpty() || !references.problems().isEmpty()) {
			return null;
		}
		AssetScanner.Scan after = scanner.scan(before.root());
		Set<AssetPath> copies = manifest.hashedPaths();
		Set<Path> ownFiles = state.filesInRealFolders();
		boolean onlyThisBuild = TreeFingerprint.onlyTheBuildChanged(before, after,
				(file) -> isOrIsAVariantOf(file, copies) || ownFiles.contains(file.resolveAgainst(before.root())),
				(file) -> isOrIsAVariantOf(file, clean.removed()));
		if (!onlyThisBuild) {
			return null;
		}
		return new UpToDate(TreeFingerprint.of(options, after), state.nextRemoval(), manifest.size(),
				references.counts(),
				new BuildResult.Variants(0, variants.written() + variants.unchanged(), variants.notSmaller(), 0));
	}

	private static boolean isOrIsAVariantOf(AssetPath file, Set<AssetPath> copies) {
		AssetPath copy = Compression.copyOfVariant(file);
		return copies.contains(file) || (copy != null && copies.contains(copy));
	}

	/** Whether a build of a tree with fingerprint {@code tree} at {@code now} has nothing to do. */
	boolean holdsFor(String tree, Instant now) {
		return this.tree.equals(tree) && (this.until == null || now.isBefore(this.until));
	}

	/** The record at {@code file}; {@code null} if there is none or it is not one a build wrote. */
	static UpToDate read(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
			Map<ReferenceOutcome, Integer> references = new EnumMap<>(ReferenceOutcome.class);
			for (ReferenceOutcome outcome : ReferenceOutcome.values()) {
				String key = "references." + outcome.name();
				references.put(outcome, (properties.getProperty(key) != null) ? count(properties, key) : 0);
			}
			String until = properties.getProperty("until");
			return new UpToDate(required(properties, "tree"), (until != null) ? Instant.parse(until) : null,
					count(properties, "assets"), references, new BuildResult.Variants(0,
							count(properties, "variants.inPlace"), count(properties, "variants.notSmaller"), 0));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Ignoring {}: {}", file, ex.toString());
			return null;
		}
	}

	/** Writes {@code record} to {@code file}, or removes the file if there is no record to keep. */
	static void write(Path file, UpToDate record) throws IOException {
		if (record == null) {
			Files.deleteIfExists(file);
			return;
		}
		if (record.equals(read(file))) {
			return;
		}
		AtomicFiles.write(file, (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.ISO_8859_1);
			writer.write("tree=" + record.tree + "\n");
			if (record.until != null) {
				writer.write("until=" + record.until + "\n");
			}
			writer.write("assets=" + record.assets + "\n");
			for (Map.Entry<ReferenceOutcome, Integer> outcome : new EnumMap<>(record.references).entrySet()) {
				writer.write("references." + outcome.getKey().name() + "=" + outcome.getValue() + "\n");
			}
			writer.write("variants.inPlace=" + record.variants.unchanged() + "\n");
			writer.write("variants.notSmaller=" + record.variants.notSmaller() + "\n");
			writer.flush();
			return null;
		});
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new IllegalArgumentException("no " + key);
		}
		return value;
	}

	private static int count(Properties properties, String key) {
		int count = Integer.parseInt(required(properties, key));
		if (count < 0) {
			throw new IllegalArgumentException(key + " is negative");
		}
		return count;
	}

}
