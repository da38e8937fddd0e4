package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.ContentDigestVersions;
import io.github.assetbust.web.servlet.AssetHandlerMapping;
import io.github.assetbust.web.servlet.AssetResourceHandler;
import io.github.assetbust.web.servlet.ContentDigestVersionStrategy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves the live files in dynamic mode. A hashed URL ({@code css/main-<md5>.css}) is served from
 * its original while the original's md5 is the one in the name, as Spring's
 * {@link VersionResourceResolver} does, and is a 404 once the file has changed; since its bytes can
 * never differ, it keeps the one-year {@code immutable} header. A plain URL, which references
 * inside CSS stay in this mode, is served with {@code no-cache} and the file's md5 as its ETag, so
 * the browser asks again on every load and gets a 304 until the file changes.
 */
@AutoConfiguration(after = AssetbustDynamicAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean({ AssetLocations.class, ContentDigests.class })
@EnableConfigurationProperties(AssetbustProperties.class)
public final class AssetbustDynamicWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dynamicHashedAssetHandlerMapping")
	AssetHandlerMapping dynamicHashedAssetHandlerMapping(AssetLocations locations, ContentDigests digests,
			AssetbustProperties properties) {
		VersionResourceResolver versions = new VersionResourceResolver()
			.addVersionStrategy(new ContentDigestVersionStrategy(new ContentDigestVersions(digests)), "/**");
		AssetResourceHandler handler = new AssetResourceHandler(locations, false, versions);
		if (properties.isCacheControl()) {
			handler.setCacheControl(AssetServing.IMMUTABLE);
		}
		return new AssetHandlerMapping(AssetServing.dynamicHashedPaths(locations), handler,
				AssetServing.BEFORE_STATIC_RESOURCES);
	}

	@Bean
	@ConditionalOnMissingBean(name = "dynamicPlainAssetHandlerMapping")
	AssetHandlerMapping dynamicPlainAssetHandlerMapping(AssetLocations locations, ContentDigests digests) {
		AssetResourceHandler handler = new AssetResourceHandler(locations, false);
		handler.setCacheControl(CacheControl.noCache());
		handler.setEtagGenerator(digests::etag);
		return new AssetHandlerMapping(locations::has, handler, AssetServing.BEFORE_STATIC_RESOURCES + 1);
	}

}
