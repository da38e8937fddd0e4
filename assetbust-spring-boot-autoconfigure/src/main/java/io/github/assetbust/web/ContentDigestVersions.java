package io.github.assetbust.web;

import java.io.IOException;
import java.util.Optional;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.resolve.ContentDigests;

import org.springframework.core.io.Resource;

/**
 * Dynamic mode's versions, for Spring's {@code VersionResourceResolver} of either web framework:
 * {@code css/main-<md5>.css} is served from {@code css/main.css} while the file's md5 is the one in
 * the name. Spring's own {@code ContentVersionStrategy} writes the same names for most files, but
 * reads the whole file on every request and names {@code LICENSE} {@code LICENSE-<md5>.null}; this
 * follows the build's naming rule ({@link HashedName}) and the digests {@link ContentDigests}
 * remembers.
 */
public final class ContentDigestVersions {

	private static final HashedName NAMES = new HashedName(ContentDigests.ALGORITHM.hexLength());

	private final ContentDigests digests;

	public ContentDigestVersions(ContentDigests digests) {
		this.digests = digests;
	}

	/**
	 * The original that {@code path} would be a hashed copy of: {@code css/main.css} for
	 * {@code css/main-<32 hex>.css}; {@code null} when it is not named like one.
	 */
	public static AssetPath originalOf(String path) {
		return parse(path).map(HashedName.Parsed::original).orElse(null);
	}

	/** The md5 in {@code requestPath}, or {@code null}. */
	public String extractVersion(String requestPath) {
		return parse(requestPath).map(HashedName.Parsed::digest).orElse(null);
	}

	/** {@code requestPath} without {@code version}: the path of the original. */
	public String removeVersion(String requestPath, String version) {
		return parse(requestPath).filter((parsed) -> parsed.digest().equals(version))
			.map((parsed) -> parsed.original().toString())
			.orElse(requestPath);
	}

	/** {@code path} named as the build names its hashed copy. */
	public String addVersion(String path, String version) {
		String hashed = HashedName.of(AssetPath.of(path), version).toString();
		return path.startsWith("/") ? "/" + hashed : hashed;
	}

	/** The md5 of what the file holds now; {@code null} if it cannot be read, which serves nothing. */
	public String versionOf(Resource resource) {
		try {
			return this.digests.digest(resource, false).hex();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Optional<HashedName.Parsed> parse(String path) {
		try {
			return NAMES.parse(AssetPath.of(path));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
