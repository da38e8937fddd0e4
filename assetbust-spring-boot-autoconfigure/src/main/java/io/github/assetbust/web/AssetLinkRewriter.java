package io.github.assetbust.web;

import io.github.assetbust.core.path.Urls;
import io.github.assetbust.resolve.AssetIndex;
import io.github.assetbust.resolve.AssetManifest;

/**
 * Turns a link the application built to an asset's original URL ({@code /ctx/css/main.css?v=2})
 * into its hashed URL ({@code /ctx/css/main-<md5>.css?v=2}), with the URL prefix applied as
 * {@code assets.url()} does. Any other link (a page, a relative link, another origin, a path the
 * manifest does not list) comes back as it is, silently: most links are not assets.
 */
public final class AssetLinkRewriter {

	private final AssetManifest manifest;

	private final String urlPrefix;

	/**
	 * @param manifest the manifest to look links up in
	 * @param urlPrefix put before every rewritten link, typically a CDN origin; may be empty
	 */
	public AssetLinkRewriter(AssetManifest manifest, String urlPrefix) {
		this.manifest = manifest;
		this.urlPrefix = Urls.prefix(urlPrefix);
	}

	/**
	 * The hashed form of {@code link}, or {@code link} itself.
	 * @param contextPath the context path the link starts with, empty for none
	 */
	public String rewrite(String link, String contextPath) {
		int start = contextPath.length();
		if (link.length() <= start || link.charAt(start) != '/' || !link.startsWith(contextPath)) {
			return link;
		}
		String path = link.substring(start);
		AssetIndex index = this.manifest.index();
		int suffixStart = Urls.suffixStart(path);
		// the whole path first: a file whose name holds '#' or '?' itself
		AssetIndex.Target target = (suffixStart < 0) ? null : index.findLinked(path);
		if (target == null) {
			target = index.findLinked((suffixStart < 0) ? path : path.substring(0, suffixStart));
		}
		else {
			suffixStart = -1;
		}
		if (target == null) {
			return link;
		}
		String suffix = (suffixStart < 0) ? "" : path.substring(suffixStart);
		return Urls.join(this.urlPrefix, contextPath, target.urlPath(), suffix);
	}

}
