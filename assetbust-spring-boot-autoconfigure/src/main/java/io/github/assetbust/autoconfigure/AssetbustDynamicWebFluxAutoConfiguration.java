package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.ContentDigestVersions;
import io.github.assetbust.web.reactive.AssetHandlerMapping;
import io.github.assetbust.web.reactive.AssetResourceWebHandler;
import io.github.assetbust.web.reactive.ContentDigestVersionStrategy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.resource.VersionResourceResolver;

/**
 * The Spring WebFlux counterpart of {@link AssetbustDynamicWebMvcAutoConfiguration}: in dynamic
 * mode, a hashed URL is served from its original while the original's md5 is the one in the name,
 * with the one-year {@code immutable} header, and a plain URL with {@code no-cache} and the file's
 * md5 as its ETag.
 */
@AutoConfiguration(after = AssetbustDynamicAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
@ConditionalOnBean({ AssetLocations.class, ContentDigests.class })
@EnableConfigurationProperties(AssetbustProperties.class)
public final class AssetbustDynamicWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dynamicHashedAssetHandlerMapping")
	AssetHandlerMapping dynamicHashedAssetHandlerMapping(AssetLocations locations, ContentDigests digests,
			AssetbustProperties properties) {
		VersionResourceResolver versions = new VersionResourceResolver()
			.addVersionStrategy(new ContentDigestVersionStrategy(new ContentDigestVersions(digests)), "/**");
		AssetResourceWebHandler handler = new AssetResourceWebHandler(locations, false, versions);
		if (properties.isCacheControl()) {
			handler.setCacheControl(AssetServing.IMMUTABLE);
		}
		return new AssetHandlerMapping(AssetServing.dynamicHashedPaths(locations), handler,
				AssetServing.BEFORE_STATIC_RESOURCES);
	}

	@Bean
	@ConditionalOnMissingBean(name = "dynamicPlainAssetHandlerMapping")
	AssetHandlerMapping dynamicPlainAssetHandlerMapping(AssetLocations locations, ContentDigests digests) {
		AssetResourceWebHandler handler = new AssetResourceWebHandler(locations, false);
		handler.setCacheControl(CacheControl.noCache());
		handler.setEtagGenerator(digests::etag);
		return new AssetHandlerMapping(locations::has, handler, AssetServing.BEFORE_STATIC_RESOURCES + 1);
	}

}
