package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.rewrite.KnownReferences;
import io.github.assetbust.core.scan.AssetScanner;

/**
 * The select stage: which scanned files are assets to hash, and which of them the last build
 * already hashed. Not the build's own files, not a hashed copy or precompressed variant an earlier
 * build wrote, not a file whose hashed name would be too long for the file system.
 */
final class AssetSelection {

	private final BuildOptions options;

	private final Digester digester;

	private final HashedName hashedNames;

	AssetSelection(BuildOptions options, Digester digester) {
		this.options = options;
		this.digester = digester;
		this.hashedNames = new HashedName(options.digestLength());
	}

	/**
	 * What the stage chose.
	 * @param assets the files to hash, sorted
	 * @param skipped the files passed over, the scan's and its own, each with the reason
	 * @param stamps the stamp of every asset, from the scan
	 * @param reusable for the assets the last build found as they are now, what it knows of them
	 */
	record Selection(Set<AssetPath> assets, List<AssetScanner.Skipped> skipped, Map<AssetPath, String> stamps,
			Map<AssetPath, BuildCache.Entry> reusable) {

		/** What is known of the reusable assets' references, which the plan need not read again. */
		Map<AssetPath, KnownReferences> knownReferences() {
			return this.reusable.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().references()));
		}

	}

	Selection select(Path root, AssetScanner.Scan scan, BuildState state) {
		Set<Path> ownFiles = new HashSet<>();
		state.files().forEach((file) -> ownFiles.add(inRealFolder(file)));
		Set<AssetPath> generatedBefore = generatedBefore(state);
		Set<AssetPath> scanned = Set.copyOf(scan.files());
		List<AssetScanner.Skipped> skipped = new ArrayList<>(scan.skipped());
		Set<AssetPath> assets = new TreeSet<>();
		for (AssetPath file : scan.files()) {
			Path source = file.resolveAgainst(root);
			if (ownFiles.contains(source) || generatedBefore.contains(file) || isVariant(file, scanned, generatedBefore)
					|| isHashedCopy(file, source, scanned)) {
				continue;
			}
			String tooLong = HashedName.tooLong(file, this.options.digestLength());
			if (tooLong != null) {
				skipped.add(new AssetScanner.Skipped(file.toString(), tooLong));
				continue;
			}
			assets.add(file);
		}
		Map<AssetPath, String> stamps = new HashMap<>();
		Map<AssetPath, BuildCache.Entry> reusable = new HashMap<>();
		for (AssetPath asset : assets) {
			String stamp = BuildCache.stamp(scan.attributes().get(asset));
			stamps.put(asset, stamp);
			BuildCache.Entry entry = state.cache().reusable(root, asset, stamp);
			if (entry != null) {
				reusable.put(asset, entry);
			}
		}
		keepOnlyThoseWhoseTargetsAreReused(reusable);
		return new Selection(assets, List.copyOf(skipped), stamps, reusable);
	}

	/**
	 * A stylesheet's copy holds the hashed names of what it references: it is reusable only while
	 * every one of those is, through any number of imports. Drops the others until none is left
	 * to drop.
	 */
	private static void keepOnlyThoseWhoseTargetsAreReused(Map<AssetPath, BuildCache.Entry> reusable) {
		boolean dropped = true;
		while (dropped) {
			dropped = reusable.values()
				.removeIf((entry) -> !entry.targets().stream().allMatch(reusable::containsKey));
		}
	}

	/**
	 * The hashed copies the records vouch for. A record can only vouch for files named like hashed
	 * copies: an entry that points at an original (a hand-edited manifest, say) must not turn that
	 * original into a stale copy.
	 */
	private static Set<AssetPath> generatedBefore(BuildState state) {
		Manifest previous = state.previous();
		Set<AssetPath> generatedBefore = new HashSet<>();
		previous.hashedPaths().stream().filter(HashedName::looksHashed).forEach(generatedBefore::add);
		state.generations().allFiles().stream().filter(HashedName::looksHashed).forEach(generatedBefore::add);
		return generatedBefore;
	}

	/** The path as the scan spells it: through the real path of its folder. */
	private static Path inRealFolder(Path file) {
		Path folder = file.getParent();
		try {
			return Files.isDirectory(folder) ? folder.toRealPath().resolve(file.getFileName()) : file;
		}
		catch (IOException ex) {
			return file;
		}
	}

	/**
	 * Whether {@code file} is named like a precompressed variant ({@code main-<digest>.css.gz}) of a
	 * hashed copy that is there or that a record lists. Hashing it would give it a hashed copy of
	 * its own; a user's {@code backup-20261125.tar.gz} beside no {@code backup-20261125.tar} is
	 * still an asset.
	 */
	private static boolean isVariant(AssetPath file, Set<AssetPath> scanned, Set<AssetPath> generatedBefore) {
		AssetPath copy = Compression.copyOfVariant(file);
		return copy != null && (scanned.contains(copy) || generatedBefore.contains(copy));
	}

	/**
	 * Whether {@code file} is a hashed copy an earlier build wrote even though no record lists it
	 * (the manifest was deleted, say): named like one, beside its original, with the digest of its
	 * own bytes in its name. A file that merely looks hashed fails the digest check and is treated
	 * as an ordinary asset.
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

}
