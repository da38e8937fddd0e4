package io.github.assetbust.autoconfigure;

import java.util.Arrays;

import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.resolve.DynamicAssetResolver;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.WebJars;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * With {@code assetbust.mode=dynamic}, the {@code assets} resolver works on the live files instead
 * of a manifest: no manifest is read, none needs to exist, and no startup build runs.
 */
@AutoConfiguration(before = AssetbustThymeleafAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "assetbust.enabled", matchIfMissing = true)
@ConditionalOnAssetMode(AssetMode.DYNAMIC)
@EnableConfigurationProperties({ AssetbustProperties.class, WebProperties.class })
public final class AssetbustDynamicAutoConfiguration {

	private static final Log logger = LogFactory.getLog(AssetbustDynamicAutoConfiguration.class);

	/**
	 * The build root when one is set, since a manifest would then list its files and no others;
	 * otherwise Spring Boot's static locations, which the Maven goal hashes ({@code classpath:/static/}
	 * among them).
	 */
	@Bean
	@ConditionalOnMissingBean
	AssetLocations assetLocations(AssetbustProperties properties, WebProperties webProperties,
			ResourceLoader resourceLoader) {
		String root = properties.getBuild().getRoot();
		if (StringUtils.hasText(root)) {
			return AssetLocations.root(ConfiguredLocations.path(root, "assetbust.build.root", resourceLoader));
		}
		return AssetLocations.of(Arrays.asList(webProperties.getResources().getStaticLocations()), resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	ContentDigests assetContentDigests() {
		return new ContentDigests();
	}

	@Bean(name = "assets")
	@ConditionalOnMissingBean(AssetResolver.class)
	DynamicAssetResolver assets(AssetLocations locations, ContentDigests digests, AssetbustProperties properties,
			Environment environment, ResourceLoader resourceLoader, ObjectProvider<WebJars> webJars) {
		AssetbustProperties.Build build = properties.getBuild();
		logger.info("assetbust.mode=dynamic: asset URLs carry the md5 of the live files in " + locations
				+ ", digested when asked; set assetbust.mode=manifest to use the manifest instead"
				+ (build.isOnStartup() ? " (assetbust.build.on-startup is ignored)" : "")
				+ ((build.getAlgorithm() != ContentDigests.ALGORITHM) ? " (assetbust.build.algorithm is ignored)" : ""));
		return new DynamicAssetResolver(locations, digests,
				DynamicAssetResolver.selecting(build.getInclude(), build.getExclude()), properties.getUrlPrefix(),
				ContextPaths.of(environment, resourceLoader), properties.isStrict(), webJars.getIfAvailable());
	}

}
