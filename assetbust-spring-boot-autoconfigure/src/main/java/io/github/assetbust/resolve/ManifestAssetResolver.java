package io.github.assetbust.resolve;

import java.util.function.Supplier;

import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.Urls;
import io.github.assetbust.web.WebJars;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Resolves asset URLs from the {@link AssetManifest} in use. A hit is one hash-map read on an
 * immutable index and, without a URL prefix or context path, allocates nothing at all.
 */
public class ManifestAssetResolver implements AssetResolver {

	private static final Log logger = LogFactory.getLog(ManifestAssetResolver.class);

	private final AssetManifest manifest;

	private final String urlPrefix;

	private final Supplier<String> contextPath;

	private final boolean strict;

	private final MissingAssets missing;

	private final WebJars webJars;

	/**
	 * @param manifest the manifest to resolve against
	 * @param urlPrefix put before every URL, typically a CDN origin; may be empty
	 * @param contextPath the servlet context path of the current request, empty for none
	 * @param strict whether an unknown path is an error rather than a fallback
	 */
	public ManifestAssetResolver(AssetManifest manifest, String urlPrefix, Supplier<String> contextPath,
			boolean strict) {
		this(manifest, urlPrefix, contextPath, strict, new MissingAssets());
	}

	/**
	 * @param missing where to record lookups that miss (the {@code assets} endpoint reports them)
	 */
	public ManifestAssetResolver(AssetManifest manifest, String urlPrefix, Supplier<String> contextPath,
			boolean strict, MissingAssets missing) {
		this(manifest, urlPrefix, contextPath, strict, missing, null);
	}

	/**
	 * @param webJars where a {@code webjars/...} path the manifest does not have is looked up;
	 * {@code null} for nowhere
	 */
	public ManifestAssetResolver(AssetManifest manifest, String urlPrefix, Supplier<String> contextPath,
			boolean strict, MissingAssets missing, WebJars webJars) {
		this.webJars = webJars;
		this.manifest = manifest;
		this.urlPrefix = Urls.prefix(urlPrefix);
		this.contextPath = contextPath;
		this.strict = strict;
		this.missing = missing;
	}

	@Override
	public String url(String path) {
		Assert.notNull(path, "The asset path must not be null");
		if (Urls.isOtherOrigin(path)) {
			return path;
		}
		int suffixStart = Urls.suffixStart(path);
		AssetIndex index = this.manifest.index();
		AssetIndex.Target target = (suffixStart < 0) ? null : index.findExact(path);
		if (target != null) {
			// a file whose name holds '#' or '?' itself
			suffixStart = -1;
		}
		String lookup = Urls.withoutSuffix(path, suffixStart);
		if (target == null) {
			target = index.find(lookup);
		}
		String urlPath = (target != null) ? target.urlPath() : webJarOrFallback(path, lookup);
		String contextPath = this.contextPath.get();
		String suffix = (suffixStart < 0) ? "" : path.substring(suffixStart);
		return Urls.join(this.urlPrefix, contextPath, urlPath, suffix);
	}

	@Override
	public String integrity(String path) {
		Assert.notNull(path, "The asset path must not be null");
		String lookup = Urls.withoutSuffix(path, Urls.suffixStart(path));
		AssetIndex.Target target = this.manifest.index().find(lookup);
		if (target == null) {
			// a WebJar file has no integrity value of its own
			webJarOrFallback(path, lookup);
			return null;
		}
		return target.integrity();
	}

	/** The lookups that missed so far; a miss in strict mode counts too. */
	public MissingAssets missingAssets() {
		return this.missing;
	}

	private String webJarOrFallback(String path, String lookup) {
		String webJar = (this.webJars != null) ? this.webJars.urlPath(lookup) : null;
		return (webJar != null) ? webJar : fallback(path, lookup);
	}

	private String fallback(String path, String lookup) {
		boolean firstMiss = this.missing.record(lookup);
		if (this.strict) {
			throw new AssetNotFoundException(path, this.manifest.location());
		}
		if (firstMiss) {
			logger.warn("No asset '" + ControlCharacters.escape(lookup) + "' in manifest " + this.manifest.location()
					+ AssetNotFoundException.searched(lookup)
					+ "; serving its original URL, which browsers may cache stale");
		}
		return Urls.fromRoot(lookup);
	}


}
