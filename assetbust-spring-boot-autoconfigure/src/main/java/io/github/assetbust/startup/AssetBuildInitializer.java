package io.github.assetbust.startup;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.Counts;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.resolve.AssetManifest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Builds hashed copies and the manifest while the application context starts, then swaps the new
 * manifest in: from {@code assetbust.build.root}, or, with zero configuration, from a
 * {@link StaticAssetMirror copy} of Spring Boot's static locations. As a bean initialised with the
 * other singletons it is done before the web server accepts its first request, so no page is
 * rendered with the URLs of a manifest still to come; Spring Boot runs Flyway migrations the same
 * way. A failed build leaves the last good manifest in use and logs one error, or, in strict mode,
 * stops the application.
 */
public class AssetBuildInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(AssetBuildInitializer.class);

	private final StaticAssetMirror mirror;

	private final BuildOptions options;

	private final AssetManifest manifest;

	private final boolean strict;

	/**
	 * Builds the asset root of {@code options}.
	 * @param options the build, root and manifest included
	 * @param manifest the manifest to load once built
	 * @param strict whether a failed build stops the application
	 */
	public AssetBuildInitializer(BuildOptions options, AssetManifest manifest, boolean strict) {
		this(null, options, manifest, strict);
	}

	/**
	 * Updates {@code mirror}, then builds it.
	 * @param mirror the copy of the static locations, whose folder is the root of {@code options}
	 * @param options the build, root and manifest included
	 * @param manifest the manifest to load once built
	 * @param strict whether a failed build stops the application
	 */
	public AssetBuildInitializer(StaticAssetMirror mirror, BuildOptions options, AssetManifest manifest,
			boolean strict) {
		this.mirror = mirror;
		this.options = options;
		this.manifest = manifest;
		this.strict = strict;
	}

	/**
	 * Runs the build and loads its manifest.
	 * @throws AssetBuildException in strict mode, if either fails
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			if (this.mirror != null) {
				this.mirror.update((update) -> {
					BuildResult result = buildAndLoad();
					logger.info("Hashed static assets from " + this.mirror + " into " + this.options.root() + ": "
							+ result.summary() + " (" + Counts.of(update.copied(), "file", "files")
							+ " copied first)");
					return result;
				});
			}
			else {
				BuildResult result = buildAndLoad();
				logger.info("Hashed assets in " + this.options.root() + ": " + result.summary());
			}
		}
		catch (AssetbustException ex) {
			if (this.strict) {
				throw new AssetBuildException(ex);
			}
			logger.error("Asset build failed: " + ex.getMessage() + "; still using the previous manifest ("
					+ this.manifest.index().size() + " assets)");
		}
	}

	private BuildResult buildAndLoad() {
		BuildResult result = new AssetBuilder(this.options).build();
		this.manifest.load();
		return result;
	}

}
