package io.github.assetbust.autoconfigure;

import java.nio.file.Path;
import java.util.Set;

import io.github.assetbust.core.AssetBuilder;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.BuildOptions;
import io.github.assetbust.core.BuildResult;
import io.github.assetbust.core.Compression;
import io.github.assetbust.core.DigestAlgorithm;
import io.github.assetbust.spring.AssetManifest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Builds hashed copies and the manifest from {@code assetbust.build.root} before the application
 * reports ready, then swaps the new manifest in. A failed build leaves the last good manifest in
 * use, or stops the application in strict mode.
 */
public class AssetBuildRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(AssetBuildRunner.class);

	private final AssetbustProperties properties;

	private final AssetManifest manifest;

	private final BuildOptions options;

	/**
	 * @throws AssetbustException if the configuration cannot work (no root, or a root or manifest
	 * that is not on the file system), so that the mistake stops the application at once
	 */
	public AssetBuildRunner(AssetbustProperties properties, AssetManifest manifest, ResourceLoader resourceLoader) {
		this.properties = properties;
		this.manifest = manifest;
		this.options = buildOptions(properties, resourceLoader);
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			BuildResult result = new AssetBuilder(this.options).build();
			logger.info("Built asset manifest " + result.manifestFile() + ": " + result.summary());
			this.manifest.load();
		}
		catch (AssetbustException ex) {
			if (this.properties.isStrict()) {
				throw ex;
			}
			logger.error("Asset build failed: " + ex.getMessage() + "; still using the previous manifest ("
					+ this.manifest.index().size() + " assets)");
		}
	}

	private static BuildOptions buildOptions(AssetbustProperties properties, ResourceLoader resourceLoader) {
		AssetbustProperties.Build build = properties.getBuild();
		if (!StringUtils.hasText(build.getRoot())) {
			throw new AssetbustException(
					"assetbust.build.on-startup=true needs assetbust.build.root, the folder to hash (e.g. file:/var/www/html)");
		}
		Path root = Locations.path(build.getRoot(), "assetbust.build.root", resourceLoader);
		Path manifestFile = Locations.path(properties.effectiveManifest(), "assetbust.manifest", resourceLoader);
		return BuildOptions.forRoot(root)
			.withManifest(manifestFile)
			.withIncludes(build.getInclude())
			.withExcludes(build.getExclude())
			.withAlgorithm(DigestAlgorithm.fromId(build.getAlgorithm()))
			.withStrict(properties.isStrict())
			.withRetention(new BuildOptions.Retention(build.getKeep(), build.getMaxAge()))
			.withCompress(compressions(build));
	}

	/** An unknown encoding, or br without brotli4j, is a mistake to stop at, not a build to fail later. */
	private static Set<Compression> compressions(AssetbustProperties.Build build) {
		try {
			Set<Compression> compressions = Compression.parse(build.getCompress());
			compressions.forEach(Compression::requireAvailable);
			return compressions;
		}
		catch (AssetbustException ex) {
			throw new AssetbustException("assetbust.build.compress: " + ex.getMessage(), ex);
		}
	}

	/** Runs before the application's own runners, so they already see hashed URLs. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
