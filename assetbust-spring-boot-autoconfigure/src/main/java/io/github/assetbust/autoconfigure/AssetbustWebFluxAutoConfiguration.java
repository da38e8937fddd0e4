package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.AssetLinkRewriter;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.HashedRequests;
import io.github.assetbust.web.reactive.AssetHandlerMapping;
import io.github.assetbust.web.reactive.AssetResourceWebHandler;
import io.github.assetbust.web.reactive.AssetUrlTransformingFilter;
import io.github.assetbust.web.reactive.CurrentCopyResolver;
import io.github.assetbust.web.reactive.HashedAssetHandlerMapping;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * The Spring WebFlux counterpart of {@link AssetbustWebMvcAutoConfiguration}: serves hashed copies
 * from the zero-configuration build's output, Spring Boot's static locations and the build root
 * with a one-year {@code immutable} cache header (and, unless {@code assetbust.compressed=false},
 * their precompressed variants to clients that accept them), and the other files under the build
 * root as Spring Boot serves static files; with {@code assetbust.rewrite-links=true}, makes links
 * built through {@code ServerWebExchange.transformUrl} come out hashed.
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
@ConditionalOnBean({ AssetManifest.class, HashedRequests.class })
@EnableConfigurationProperties({ AssetbustProperties.class, WebProperties.class })
public final class AssetbustWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hashedAssetHandlerMapping")
	HashedAssetHandlerMapping hashedAssetHandlerMapping(HashedRequests requests, AssetbustProperties properties,
			WebProperties webProperties, ResourceLoader resourceLoader,
			ObjectProvider<StaticAssetMirror> staticAssets) {
		AssetLocations locations = AssetServing.hashedCopies(properties, webProperties, resourceLoader,
				staticAssets.getIfAvailable());
		AssetResourceWebHandler immutable = new AssetResourceWebHandler(locations, properties.isCompressed());
		if (properties.isCacheControl()) {
			immutable.setCacheControl(AssetServing.IMMUTABLE);
		}
		AssetResourceWebHandler stale = new AssetResourceWebHandler(locations, properties.isCompressed(),
				new CurrentCopyResolver());
		stale.setCacheControl(CacheControl.noStore());
		return new HashedAssetHandlerMapping(requests, immutable, stale, AssetServing.BEFORE_STATIC_RESOURCES);
	}

	@Bean
	@ConditionalOnBooleanProperty("assetbust.rewrite-links")
	@ConditionalOnMissingBean(name = "assetUrlTransformingFilter")
	AssetUrlTransformingFilter assetUrlTransformingFilter(AssetManifest manifest, AssetbustProperties properties) {
		return new AssetUrlTransformingFilter(new AssetLinkRewriter(manifest, properties.getUrlPrefix()));
	}

	@Bean
	@ConditionalOnProperty("assetbust.build.root")
	@ConditionalOnMissingBean(name = "assetRootHandlerMapping")
	AssetHandlerMapping assetRootHandlerMapping(AssetbustProperties properties, ResourceLoader resourceLoader) {
		AssetLocations root = AssetServing.buildRoot(properties, resourceLoader);
		AssetResourceWebHandler handler = new AssetResourceWebHandler(root, false);
		return new AssetHandlerMapping(root::has, handler, AssetServing.BEFORE_STATIC_RESOURCES + 1);
	}

}
