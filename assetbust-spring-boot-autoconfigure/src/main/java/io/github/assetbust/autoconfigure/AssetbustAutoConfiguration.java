package io.github.assetbust.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.assetbust.spring.AssetManifest;
import io.github.assetbust.spring.AssetResolver;
import io.github.assetbust.spring.ManifestAssetResolver;
import io.github.assetbust.spring.ManifestLoadException;
import io.github.assetbust.web.RequestContextPath;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the manifest and the {@code assets} resolver bean; with
 * {@code assetbust.build.on-startup=true}, also the runner that builds the manifest at startup.
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

	private static final String REQUEST_CONTEXT_HOLDER = "org.springframework.web.context.request.RequestContextHolder";

	@Bean
	@ConditionalOnMissingBean
	AssetManifest assetManifest(AssetbustProperties properties, ResourceLoader resourceLoader) {
		String location = properties.effectiveManifest();
		AssetManifest manifest = new AssetManifest(Locations.resource(location, resourceLoader), location);
		loadAtStartup(manifest, properties);
		if (properties.isReload()) {
			manifest.watch(RELOAD_INTERVAL);
		}
		return manifest;
	}

	private static void loadAtStartup(AssetManifest manifest, AssetbustProperties properties) {
		try {
			manifest.load();
		}
		catch (ManifestLoadException ex) {
			if (properties.getBuild().isOnStartup()) {
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

	@Bean(name = "assets")
	@ConditionalOnMissingBean(AssetResolver.class)
	ManifestAssetResolver assets(AssetManifest manifest, AssetbustProperties properties, Environment environment,
			ResourceLoader resourceLoader) {
		return new ManifestAssetResolver(manifest, properties.getUrlPrefix(),
				contextPath(environment, resourceLoader.getClassLoader()), properties.isStrict());
	}

	static Supplier<String> contextPath(Environment environment, ClassLoader classLoader) {
		String configured = environment.getProperty("server.servlet.context-path", "");
		return ClassUtils.isPresent(REQUEST_CONTEXT_HOLDER, classLoader) ? new RequestContextPath(configured)
				: () -> configured;
	}

	@Bean
	@ConditionalOnBooleanProperty("assetbust.build.on-startup")
	@ConditionalOnMissingBean
	AssetBuildRunner assetBuildRunner(AssetbustProperties properties, AssetManifest manifest,
			ResourceLoader resourceLoader) {
		return new AssetBuildRunner(properties, manifest, resourceLoader);
	}

}
