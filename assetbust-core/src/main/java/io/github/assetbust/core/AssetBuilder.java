package io.github.assetbust.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build loop: scan the root, write a hashed copy of every selected file beside it, then write
 * the manifest. Hashed copies are complete before they get their name and the manifest is written
 * last, so a reader never finds a manifest entry whose file is missing or half-written.
 */
public final class AssetBuilder {

	private static final Logger logger = LoggerFactory.getLogger(AssetBuilder.class);

	private final BuildOptions options;

	private final Clock clock;

	private final Digester digester;

	private final HashedName hashedNames;

	public AssetBuilder(BuildOptions options) {
		this(options, Clock.systemUTC());
	}

	public AssetBuilder(BuildOptions options, Clock clock) {
		this.options = options;
		this.clock = clock;
		this.digester = new Digester(options.algorithm());
		this.hashedNames = new HashedName(options.digestLength());
	}

	/**
	 * Runs the build.
	 * @throws AssetbustException if the root is unusable or a file cannot be hashed; the manifest
	 * on disk is then the one from before
	 */
	public BuildResult build() {
		long start = System.nanoTime();
		Path root = AssetScanner.checkRoot(this.options.root());
		Path manifestFile = root.resolve(this.options.manifest()).toAbsolutePath().normalize();
		// the scan sees the root's real path; the manifest must be spelled the same way to be recognised
		Path scannedManifestFile = inRealFolder(manifestFile);
		Set<AssetPath> generatedBefore = readPrevious(manifestFile).hashedPaths();
		AssetScanner.Scan scan = new AssetScanner(this.options.includes(), this.options.excludes()).scan(root);
		Set<AssetPath> scanned = Set.copyOf(scan.files());
		scan.skipped().forEach((skipped) -> logger.warn("{}", skipped));

		Set<AssetPath> assets = new TreeSet<>();
		for (AssetPath file : scan.files()) {
			Path source = file.resolveAgainst(root);
			if (!source.equals(scannedManifestFile) && !isTempFile(file) && !generatedBefore.contains(file)
					&& !isHashedCopy(file, source, scanned)) {
				assets.add(file);
			}
		}
		ReferenceRewriter.Plan plan = new ReferenceRewriter(root, assets).plan();
		plan.report().problems().forEach((problem) -> logger.warn("{}", problem));
		failOnBrokenReferences(plan.report());

		Map<AssetPath, ManifestEntry> entries = new TreeMap<>();
		Map<AssetPath, AssetPath> hashedPaths = new HashMap<>();
		int written = 0;
		long bytesWritten = 0;
		for (AssetPath file : plan.order()) {
			TextAsset text = plan.texts().get(file);
			Copy copy = (text != null) ? writeHashedCopy(root, file, ReferenceRewriter.rewrite(text, hashedPaths))
					: writeHashedCopy(root, file, file.resolveAgainst(root));
			hashedPaths.put(file, copy.path());
			entries.put(file, ManifestEntry.of(copy.path(), copy.digest()));
			if (copy.written()) {
				written++;
				bytesWritten += copy.digest().size();
			}
		}
		Instant generated = this.options.reproducible() ? null : this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Manifest manifest = new Manifest(this.options.algorithm(), generated, entries);
		try {
			ManifestStore.write(manifest, manifestFile);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write manifest " + manifestFile + ": " + ex.getMessage()
					+ "; the previous manifest is still in place", ex);
		}
		return new BuildResult(manifest, manifestFile, written, entries.size() - written, bytesWritten, scan.skipped(),
				plan.report(), Duration.ofNanos(System.nanoTime() - start));
	}

	private void failOnBrokenReferences(ReferenceReport report) {
		List<ReferenceProblem> broken = report.broken();
		if (this.options.strict() && !broken.isEmpty()) {
			throw new AssetbustException(broken.size() + " reference" + ((broken.size() == 1) ? "" : "s")
					+ " cannot be resolved (strict mode); nothing was written:\n  " + broken.stream()
						.map(ReferenceProblem::toString)
						.collect(Collectors.joining("\n  ")));
		}
	}

	private static Path inRealFolder(Path file) {
		Path folder = file.getParent();
		try {
			return Files.isDirectory(folder) ? folder.toRealPath().resolve(file.getFileName()) : file;
		}
		catch (IOException ex) {
			return file;
		}
	}

	/** A temporary file of this or another build, which the excludes may not have caught. */
	private static boolean isTempFile(AssetPath file) {
		return file.fileName().endsWith(AtomicFiles.TEMP_SUFFIX);
	}

	private Manifest readPrevious(Path manifestFile) {
		try {
			return ManifestStore.read(manifestFile);
		}
		catch (NoSuchFileException ex) {
			return Manifest.empty();
		}
		catch (IOException | ManifestFormatException ex) {
			logger.warn("Ignoring the previous manifest: {}", ex.getMessage());
			return Manifest.empty();
		}
	}

	/**
	 * Whether {@code file} is a hashed copy an earlier build wrote even though no manifest lists
	 * it (the manifest was deleted, say): named like one, beside its original, with the digest of
	 * its own bytes in its name. A file that merely looks hashed fails the digest check and is
	 * treated as an ordinary asset.
	 */
	private boolean isHashedCopy(AssetPath file, Path source, Set<AssetPath> scanned) {
		return this.hashedNames.parse(file)
			.filter((parsed) -> scanned.contains(parsed.original()))
			.filter((parsed) -> parsed.digest().equals(digestForName(source)))
			.isPresent();
	}

	private String digestForName(Path source) {
		try {
			return this.digester.digest(source).forName(this.options.digestLength());
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read " + source + ": " + ex.getMessage(), ex);
		}
	}

	private Copy writeHashedCopy(Path root, AssetPath file, Path source) {
		Path temp = null;
		boolean moved = false;
		try {
			temp = AtomicFiles.newTempFile(source);
			Digest digest;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				digest = this.digester.copy(source, out);
				channel.force(false);
			}
			AssetPath hashed = HashedName.of(file, digest.forName(this.options.digestLength()));
			Path target = hashed.resolveAgainst(root);
			if (existingCopyMatches(file, hashed, target, digest)) {
				return new Copy(hashed, digest, false);
			}
			AtomicFiles.move(temp, target);
			moved = true;
			return new Copy(hashed, digest, true);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + " in " + root + ": " + ex, ex);
		}
		finally {
			if (!moved) {
				deleteQuietly(temp);
			}
		}
	}

	/** Writes rewritten content as the hashed copy of {@code file}; its name is the digest of exactly these bytes. */
	private Copy writeHashedCopy(Path root, AssetPath file, byte[] content) {
		Digest digest = this.digester.digest(content);
		AssetPath hashed = HashedName.of(file, digest.forName(this.options.digestLength()));
		Path target = hashed.resolveAgainst(root);
		try {
			if (existingCopyMatches(file, hashed, target, digest)) {
				return new Copy(hashed, digest, false);
			}
			AtomicFiles.write(target, (out) -> {
				out.write(content);
				return null;
			});
			return new Copy(hashed, digest, true);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + " in " + root + ": " + ex, ex);
		}
	}

	/**
	 * Whether a file already has the hashed name; the content behind a digest name is the same by
	 * construction, but a file of the wrong size there was put by something else.
	 * @throws AssetbustException if something that cannot be this copy is in the way
	 */
	private static boolean existingCopyMatches(AssetPath file, AssetPath hashed, Path target, Digest digest)
			throws IOException {
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new AssetbustException("Cannot write the hashed copy of " + file + ": " + hashed
					+ " exists and is not a regular file; move it away and build again");
		}
		if (Files.size(target) != digest.size()) {
			throw new AssetbustException("Cannot use the hashed copy of " + file + ": " + hashed + " exists with "
					+ Files.size(target) + " bytes instead of " + digest.size()
					+ ", so its content does not match its name; move it away and build again");
		}
		return true;
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				logger.warn("Cannot remove temporary file {}: {}", temp, ex.getMessage());
			}
		}
	}

	private record Copy(AssetPath path, Digest digest, boolean written) {
	}


}
