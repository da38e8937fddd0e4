package io.github.assetbust.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;
import io.github.assetbust.resolve.ManifestLoadException;
import io.github.assetbust.resolve.MissingAssets;
import io.github.assetbust.startup.AssetBuildInitializer;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.HashedRequests;
import io.github.assetbust.web.WebJars;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.system.ApplicationTemp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the manifest and the {@code assets} resolver bean, and of the build that
 * writes the manifest while the application starts: from {@code assetbust.build.root} with
 * {@code assetbust.build.on-startup=true}, or, in a web application that has no manifest, from
 * Spring Boot's static locations.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "assetbust.enabled", matchIfMissing = true)
@ConditionalOnAssetMode(AssetMode.MANIFEST)
@EnableConfigurationProperties(AssetbustProperties.class)
@ImportRuntimeHints(AssetbustRuntimeHints.class)
public final class AssetbustAutoConfiguration {

	private static final Log logger = LogFactory.getLog(AssetbustAutoConfiguration.class);

	/** How often a {@code file:} manifest is checked for changes; a stat call, nothing more. */
	static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean
	AssetManifest assetManifest(AssetbustProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<StaticAssetMirror> staticAssets) {
		StaticAssetMirror mirror = staticAssets.getIfAvailable();
		String location = (mirror != null) ? "file:" + manifestOf(mirror) : properties.effectiveManifest();
		AssetManifest manifest = new AssetManifest(ConfiguredLocations.resource(location, resourceLoader), location);
		loadAtStartup(manifest, properties, mirror != null || properties.getBuild().isOnStartup());
		if (properties.isReload()) {
			manifest.watch(RELOAD_INTERVAL);
		}
		return manifest;
	}

	private static void loadAtStartup(AssetManifest manifest, AssetbustProperties properties, boolean buildAtStartup) {
		try {
			manifest.load();
		}
		catch (ManifestLoadException ex) {
			if (buildAtStartup) {
				logger.debug(ex.getMessage() + "; the startup build will write it");
			}
			else if (properties.isStrict()) {
				throw ex;
			}
			else {
				logger.error(ex.getMessage() + "; asset URLs fall back to their original paths until it loads");
			}
		}
	}

	/** The lookups the {@code assets} resolver missed, for the {@code assets} endpoint. */
	@Bean
	@ConditionalOnMissingBean({ AssetResolver.class, MissingAssets.class })
	MissingAssets missingAssets() {
		return new MissingAssets();
	}

	@Bean(name = "assets")
	@ConditionalOnMissingBean(AssetResolver.class)
	ManifestAssetResolver assets(AssetManifest manifest, AssetbustProperties properties, Environment environment,
			ResourceLoader resourceLoader, MissingAssets missingAssets, ObjectProvider<WebJars> webJars) {
		return new ManifestAssetResolver(manifest, properties.getUrlPrefix(), ContextPaths.of(environment, resourceLoader),
				properties.isStrict(), missingAssets, webJars.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	HashedRequests hashedRequests(AssetManifest manifest, AssetbustProperties properties) {
		return new HashedRequests(manifest, properties.getStaleHashed() == StaleHashed.FALLBACK);
	}

	@Bean
	@ConditionalOnBooleanProperty("assetbust.build.on-startup")
	@ConditionalOnMissingBean
	AssetBuildInitializer assetBuildInitializer(AssetbustProperties properties, AssetManifest manifest,
			ResourceLoader resourceLoader) {
		if (!StringUtils.hasText(properties.getBuild().getRoot())) {
			throw new AssetbustException("assetbust.build.on-startup=true needs assetbust.build.root, the folder to "
					+ "hash (e.g. file:/var/www/html); without both, a web application with no manifest hashes its "
					+ "static locations at startup");
		}
		Path root = ConfiguredLocations.path(properties.getBuild().getRoot(), "assetbust.build.root", resourceLoader);
		Path manifestFile = ConfiguredLocations.path(properties.effectiveManifest(), "assetbust.manifest", resourceLoader);
		return new AssetBuildInitializer(properties.buildOptions(root, manifestFile), manifest, properties.isStrict());
	}

	/** Keeps the startup build before the web server's start when beans are initialised lazily. */
	@Bean
	static LazyInitializationExcludeFilter assetBuildInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(AssetBuildInitializer.class);
	}

	/** The manifest of the zero-configuration build, beside the copy of the static locations. */
	static Path manifestOf(StaticAssetMirror mirror) {
		return mirror.folder().resolveSibling(BuildOptions.DEFAULT_MANIFEST_NAME);
	}

	/**
	 * Zero configuration: a web application that has no manifest (see
	 * {@link ZeroConfigurationCondition}) hashes the files it serves from Spring Boot's static
	 * locations while it starts, into {@code assetbust.build.output}, and serves the hashed copies
	 * from there. Only where Spring MVC or Spring WebFlux can serve them, since hashed URLs nothing
	 * serves would break every page.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional({ StaticResourceServingCondition.class, ZeroConfigurationCondition.class })
	@EnableConfigurationProperties(WebProperties.class)
	static class StaticLocationsBuildConfiguration {

		/** The folder under the output that the build hashes; the manifest and state sit beside it. */
		private static final String FILES = "files";

		@Bean
		@ConditionalOnMissingBean
		StaticAssetMirror staticAssetMirror(AssetbustProperties properties, WebProperties webProperties,
				ResourceLoader resourceLoader) {
			String output = properties.getBuild().getOutput();
			Path folder = StringUtils.hasText(output) ? ConfiguredLocations.path(output, "assetbust.build.output", resourceLoader)
					: new ApplicationTemp().getDir("assetbust").toPath();
			return new StaticAssetMirror(Arrays.asList(webProperties.getResources().getStaticLocations()),
					resourceLoader, folder.resolve(FILES));
		}

		@Bean
		@ConditionalOnMissingBean
		AssetBuildInitializer assetBuildInitializer(StaticAssetMirror mirror, AssetManifest manifest,
				AssetbustProperties properties) {
			return new AssetBuildInitializer(mirror, properties.buildOptions(mirror.folder(), manifestOf(mirror)),
					manifest, properties.isStrict());
		}

	}

}
