package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.util.Optional;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.resolve.ContentDigests;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.resource.VersionStrategy;

/**
 * Lets Spring's {@link VersionResourceResolver} serve {@code css/main-<md5>.css} from
 * {@code css/main.css} while the file's md5 is the one in the name. Spring's own
 * {@code ContentVersionStrategy} writes the same names for most files, but reads the whole file on
 * every request and names {@code LICENSE} {@code LICENSE-<md5>.null}; this one follows the build's
 * naming rule ({@link HashedName}) and the digests {@link ContentDigests} remembers.
 */
public class ContentDigestVersionStrategy implements VersionStrategy {

	private static final HashedName NAMES = new HashedName(ContentDigests.ALGORITHM.hexLength());

	private final ContentDigests digests;

	public ContentDigestVersionStrategy(ContentDigests digests) {
		this.digests = digests;
	}

	/**
	 * The original that {@code path} would be a hashed copy of: {@code css/main.css} for
	 * {@code css/main-<32 hex>.css}; {@code null} when it is not named like one.
	 */
	public static AssetPath originalOf(String path) {
		return parse(path).map(HashedName.Parsed::original).orElse(null);
	}

	@Override
	public String extractVersion(String requestPath) {
		return parse(requestPath).map(HashedName.Parsed::digest).orElse(null);
	}

	@Override
	public String removeVersion(String requestPath, String version) {
		return parse(requestPath).filter((parsed) -> parsed.digest().equals(version))
			.map((parsed) -> parsed.original().toString())
			.orElse(requestPath);
	}

	@Override
	public String addVersion(String path, String version) {
		String hashed = HashedName.of(AssetPath.of(path), version).toString();
		return path.startsWith("/") ? "/" + hashed : hashed;
	}

	/** The md5 of what the file holds now; {@code null} if it cannot be read, which serves nothing. */
	@Override
	public String getResourceVersion(Resource resource) {
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
