package io.github.assetbust.core.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.reference.Reference;
import io.github.assetbust.core.reference.ReferenceSyntax;
import io.github.assetbust.core.reference.ReferenceTarget;
import io.github.assetbust.core.reference.TextBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a built tree: every manifest entry's file exists and has the digest its name claims,
 * every local reference inside a hashed CSS or JavaScript file resolves to a file that exists, and
 * every precompressed variant beside a hashed copy decompresses to exactly the copy's bytes.
 */
public final class AssetChecker {

	private static final Logger logger = LoggerFactory.getLogger(AssetChecker.class);

	private static final int BUFFER = 64 * 1024;

	private AssetChecker() {
	}

	/** Checks the tree under {@code root} against the manifest at {@code manifestFile}. */
	public static CheckResult check(Path root, Path manifestFile) {
		AssetRoot assetRoot = AssetRoot.existing(root);
		Path realRoot = assetRoot.path();
		Manifest manifest;
		try {
			manifest = ManifestStore.read(manifestFile);
		}
		catch (NoSuchFileException ex) {
			return new CheckResult(0, 0, List.of("No manifest at " + manifestFile), 0);
		}
		catch (IOException | AssetbustException ex) {
			return new CheckResult(0, 0, List.of(ex.getMessage()), 0);
		}
		List<String> problems = new ArrayList<>();
		int references = 0;
		int variants = 0;
		int unreadable = 0;
		for (Map.Entry<AssetPath, ManifestEntry> entry : manifest.assets().entrySet()) {
			AssetPath hashed = entry.getValue().path();
			Path file = hashed.resolveAgainst(realRoot);
			AssetRoot.Refusal refusal = assetRoot.refusal(hashed);
			if (refusal != null) {
				problems.add(entry.getKey() + ": its hashed copy " + hashed + switch (refusal) {
					case MISSING -> " does not exist";
					case OUTSIDE -> " is reached through a link out of the asset root; not read";
					default -> " is never served: " + refusal.reason() + "; not read";
				});
				continue;
			}
			try {
				checkDigest(manifest.algorithm(), hashed, file, problems);
				references += checkReferences(assetRoot, hashed, file, problems);
			}
			catch (IOException ex) {
				problems.add(hashed + ": cannot be read: " + ex.getMessage());
				continue;
			}
			for (Compression compression : Compression.all()) {
				Path variant = compression.variantOf(hashed).resolveAgainst(realRoot);
				if (!Files.exists(variant, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				if (!compression.isAvailable()) {
					unreadable++;
					continue;
				}
				variants++;
				checkVariant(assetRoot, compression, hashed, file, variant, problems);
			}
		}
		if (unreadable > 0) {
			logger.warn("{} Brotli variants not verified: {}", unreadable, problemOf(Compression.BROTLI));
		}
		return new CheckResult(manifest.size(), references, problems, variants);
	}

	/** A variant must decompress to the copy's bytes, or browsers that accept its encoding get other content. */
	private static void checkVariant(AssetRoot root, Compression compression, AssetPath hashed, Path file,
			Path variant, List<String> problems) {
		AssetPath name = compression.variantOf(hashed);
		AssetRoot.Refusal refusal = root.refusal(name);
		if (refusal != null) {
			problems.add(name + ": the " + compression.id() + " variant of " + hashed + " is never served: "
					+ refusal.reason());
			return;
		}
		try (InputStream expected = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
				InputStream actual = compression
					.decompressing(Files.newInputStream(variant, LinkOption.NOFOLLOW_LINKS))) {
			long offset = sameUpTo(expected, actual);
			if (offset >= 0) {
				problems.add(name + ": decompresses to other bytes than " + hashed + " (they differ from byte "
						+ offset + " on); delete it and build again");
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(name + ": is not a valid " + compression.id() + " variant of " + hashed + " (" + ex.getMessage()
					+ "); delete it and build again");
		}
	}

	/** -1 if both streams hold the same bytes, else the offset of the first difference. */
	private static long sameUpTo(InputStream expected, InputStream actual) throws IOException {
		byte[] left = new byte[BUFFER];
		byte[] right = new byte[BUFFER];
		long offset = 0;
		while (true) {
			int read = expected.readNBytes(left, 0, BUFFER);
			int other = actual.readNBytes(right, 0, BUFFER);
			int mismatch = Arrays.mismatch(left, 0, read, right, 0, other);
			if (mismatch >= 0) {
				return offset + mismatch;
			}
			if (read < BUFFER) {
				return -1;
			}
			offset += read;
		}
	}

	private static String problemOf(Compression compression) {
		try {
			compression.requireAvailable();
			return "";
		}
		catch (AssetbustException ex) {
			return ex.getMessage();
		}
	}

	private static void checkDigest(DigestAlgorithm declared, AssetPath hashed, Path file, List<String> problems)
			throws IOException {
		String named = HashedName.parseAny(hashed).map(HashedName.Parsed::digest).orElse(null);
		if (named == null) {
			problems.add(hashed + ": its name carries no digest");
			return;
		}
		DigestAlgorithm algorithm = (declared != null) ? declared
				: (named.length() > DigestAlgorithm.MD5.hexLength()) ? DigestAlgorithm.SHA256 : DigestAlgorithm.MD5;
		String actual = new Digester(algorithm).digest(file).hex();
		if (!actual.startsWith(named)) {
			problems.add(hashed + ": its " + algorithm.id() + " digest is " + actual + ", not the " + named
					+ " its name claims");
		}
	}

	private static int checkReferences(AssetRoot root, AssetPath hashed, Path file, List<String> problems)
			throws IOException {
		ReferenceSyntax syntax = ReferenceSyntax.forPath(hashed);
		if (syntax == null) {
			return 0;
		}
		int local = 0;
		for (Reference reference : syntax.find(TextBytes.read(file))) {
			ReferenceTarget target = ReferenceTarget.of(hashed, reference.url());
			String where = hashed + " line " + reference.line() + ": '" + reference.url() + "'";
			if (target.kind() == ReferenceTarget.Kind.OUTSIDE_ROOT) {
				local++;
				problems.add(where + " points outside the asset root");
			}
			else if (target.kind() == ReferenceTarget.Kind.LOCAL) {
				local++;
				AssetRoot.Refusal refusal = root.refusal(target.path());
				if (refusal == AssetRoot.Refusal.OUTSIDE) {
					problems.add(where + " leads through a link out of the asset root");
				}
				else if (refusal == AssetRoot.Refusal.MISSING) {
					problems.add(where + " points at " + target.path() + ", which does not exist");
				}
				else if (refusal != null) {
					problems.add(where + " points at " + target.path() + ", which is never served: " + refusal.reason());
				}
			}
		}
		return local;
	}

	/**
	 * What a check found.
	 * @param entries how many manifest entries it checked
	 * @param references how many local references inside hashed files it followed
	 * @param problems every violation, each naming the file (and line, for references)
	 * @param variants how many precompressed variants it decompressed and compared with their copies
	 */
	public record CheckResult(int entries, int references, List<String> problems, int variants) {

		public CheckResult {
			problems = List.copyOf(problems);
		}

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

}
