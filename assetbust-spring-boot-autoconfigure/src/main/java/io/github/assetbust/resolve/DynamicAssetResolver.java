package io.github.assetbust.resolve;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.digest.Integrity;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.GlobSelection;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.path.Urls;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.WebJars;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * Resolves asset URLs against the live files, for development: {@code css/main.css} becomes
 * {@code /css/main-<md5 of the file as it is now>.css}, the name a build would give it, so an edit
 * shows on the next reload without a build. Paths are understood as {@link ManifestAssetResolver}
 * understands them; the digest is of the file itself, since dynamic mode rewrites no references.
 */
public class DynamicAssetResolver implements AssetResolver {

	private static final Log logger = LogFactory.getLog(DynamicAssetResolver.class);

	private final AssetLocations locations;

	private final ContentDigests digests;

	private final Predicate<AssetPath> hashes;

	private final String urlPrefix;

	private final Supplier<String> contextPath;

	private final boolean strict;

	private final MissingAssets missing = new MissingAssets();

	private final WebJars webJars;

	/**
	 * @param locations where the files are
	 * @param digests the digests of the files, remembered until they change
	 * @param hashes which files get a hashed URL, as a build would select them; others keep
	 * their original URL as if they were missing
	 * @param urlPrefix put before every URL, typically a CDN origin; may be empty
	 * @param contextPath the servlet context path of the current request, empty for none
	 * @param strict whether an unknown path is an error rather than a fallback
	 */
	public DynamicAssetResolver(AssetLocations locations, ContentDigests digests, Predicate<AssetPath> hashes,
			String urlPrefix, Supplier<String> contextPath, boolean strict) {
		this(locations, digests, hashes, urlPrefix, contextPath, strict, null);
	}

	/**
	 * @param webJars where a {@code webjars/...} path that is no live file is looked up;
	 * {@code null} for nowhere
	 */
	public DynamicAssetResolver(AssetLocations locations, ContentDigests digests, Predicate<AssetPath> hashes,
			String urlPrefix, Supplier<String> contextPath, boolean strict, WebJars webJars) {
		this.webJars = webJars;
		this.locations = locations;
		this.digests = digests;
		this.hashes = hashes;
		this.urlPrefix = Urls.prefix(urlPrefix);
		this.contextPath = contextPath;
		this.strict = strict;
	}

	/**
	 * The files a build with these globs would hash, so that a file it leaves alone keeps its
	 * original URL here too.
	 * @throws AssetbustException naming a glob that cannot be understood
	 */
	public static Predicate<AssetPath> selecting(List<String> include, List<String> exclude) {
		return new GlobSelection(include, exclude);
	}

	@Override
	public String url(String path) {
		Assert.notNull(path, "The asset path must not be null");
		if (Urls.isOtherOrigin(path)) {
			return path;
		}
		int suffixStart = Urls.suffixStart(path);
		LiveAsset asset = (suffixStart < 0) ? null : find(path);
		if (asset != null) {
			// a file whose name holds '#' or '?' itself
			suffixStart = -1;
		}
		String lookup = Urls.withoutSuffix(path, suffixStart);
		if (asset == null) {
			asset = find(lookup);
		}
		String urlPath = (asset != null) ? hashedUrlPath(asset, lookup) : webJarOrFallback(path, lookup);
		String suffix = (suffixStart < 0) ? "" : path.substring(suffixStart);
		return Urls.join(this.urlPrefix, this.contextPath.get(), urlPath, suffix);
	}

	@Override
	public String integrity(String path) {
		Assert.notNull(path, "The asset path must not be null");
		String lookup = Urls.withoutSuffix(path, Urls.suffixStart(path));
		LiveAsset asset = find(lookup);
		if (asset == null) {
			// a WebJar file has no integrity value of its own
			webJarOrFallback(path, lookup);
			return null;
		}
		if (!Integrity.appliesTo(asset.path())) {
			return null;
		}
		try {
			return this.digests.digest(asset.file(), true).integrity();
		}
		catch (IOException ex) {
			unreadable(asset, ex);
			return null;
		}
	}

	/** {@code css/main.css}, then {@code main.css} under the folder named after its extension. */
	private LiveAsset find(String lookup) {
		if (this.webJars != null && WebJars.names(lookup)) {
			// WebJars are under a static location too, but their files get versioned URLs, not digests
			return null;
		}
		LiveAsset asset = findNormalised(lookup);
		if (asset == null && lookup.indexOf('%') >= 0) {
			// a name written percent-encoded, as AssetIndex reads it
			asset = findNormalised(URLDecoder.decode(lookup.replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		return asset;
	}

	private LiveAsset findNormalised(String lookup) {
		AssetPath path;
		try {
			path = AssetPath.of(lookup);
		}
		catch (RuntimeException ex) {
			return null;
		}
		LiveAsset asset = findSelected(path);
		AssetPath inExtensionFolder = path.inExtensionFolder();
		if (asset == null && inExtensionFolder != null) {
			asset = findSelected(inExtensionFolder);
		}
		return asset;
	}

	private LiveAsset findSelected(AssetPath path) {
		if (!this.hashes.test(path)) {
			return null;
		}
		Resource file = this.locations.find(path);
		return (file != null) ? new LiveAsset(path, file) : null;
	}

	private String hashedUrlPath(LiveAsset asset, String lookup) {
		try {
			String digest = this.digests.digest(asset.file(), false).hex();
			return Urls.encodePath("/" + HashedName.of(asset.path(), digest));
		}
		catch (IOException ex) {
			unreadable(asset, ex);
			return Urls.fromRoot(lookup);
		}
	}

	private void unreadable(LiveAsset asset, IOException ex) {
		String message = "Cannot read asset " + asset.file().getDescription() + ": " + ex.getMessage();
		if (this.strict) {
			throw new AssetbustException(message, ex);
		}
		logger.warn(message);
	}

	private String webJarOrFallback(String path, String lookup) {
		String webJar = (this.webJars != null) ? this.webJars.urlPath(lookup) : null;
		return (webJar != null) ? webJar : fallback(path, lookup);
	}

	private String fallback(String path, String lookup) {
		if (this.strict) {
			throw new AssetNotFoundException(path, this.locations);
		}
		if (this.missing.record(lookup)) {
			logger.warn("No asset '" + ControlCharacters.escape(lookup) + "' in " + this.locations + " (assetbust.mode=dynamic"
					+ AssetNotFoundException.searched(lookup) + "); serving its original URL");
		}
		return Urls.fromRoot(lookup);
	}


	private record LiveAsset(AssetPath path, Resource file) {
	}

}
