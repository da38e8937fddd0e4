package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.AssetLinkRewriter;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.HashedRequests;
import io.github.assetbust.web.servlet.AssetHandlerMapping;
import io.github.assetbust.web.servlet.AssetResourceHandler;
import io.github.assetbust.web.servlet.AssetUrlEncodingFilter;
import io.github.assetbust.web.servlet.CurrentCopyResolver;
import io.github.assetbust.web.servlet.HashedAssetHandlerMapping;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves hashed copies from the zero-configuration build's output, Spring Boot's static locations
 * and the build root with a one-year {@code immutable} cache header (and, unless
 * {@code assetbust.compressed=false}, their precompressed variants to clients that accept them),
 * and the other files under the build root as Spring Boot serves static files. Both mappings sit just before Boot's own static resource mapping.
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean({ AssetManifest.class, HashedRequests.class })
@EnableConfigurationProperties({ AssetbustProperties.class, WebProperties.class })
public final class AssetbustWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hashedAssetHandlerMapping")
	HashedAssetHandlerMapping hashedAssetHandlerMapping(HashedRequests requests, AssetbustProperties properties,
			WebProperties webProperties, ResourceLoader resourceLoader,
			ObjectProvider<StaticAssetMirror> staticAssets) {
		AssetLocations locations = AssetServing.hashedCopies(properties, webProperties, resourceLoader,
				staticAssets.getIfAvailable());
		AssetResourceHandler immutable = new AssetResourceHandler(locations, properties.isCompressed());
		if (properties.isCacheControl()) {
			immutable.setCacheControl(AssetServing.IMMUTABLE);
		}
		AssetResourceHandler stale = new AssetResourceHandler(locations, properties.isCompressed(),
				new CurrentCopyResolver());
		stale.setCacheControl(CacheControl.noStore());
		return new HashedAssetHandlerMapping(requests, immutable, stale, AssetServing.BEFORE_STATIC_RESOURCES);
	}

	@Bean
	@ConditionalOnProperty(name = "assetbust.rewrite-links", havingValue = "true")
	@ConditionalOnMissingBean(name = "assetUrlEncodingFilter")
	FilterRegistrationBean<AssetUrlEncodingFilter> assetUrlEncodingFilter(AssetManifest manifest,
			AssetbustProperties properties) {
		FilterRegistrationBean<AssetUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new AssetUrlEncodingFilter(new AssetLinkRewriter(manifest, properties.getUrlPrefix())));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	@ConditionalOnProperty("assetbust.build.root")
	@ConditionalOnMissingBean(name = "assetRootHandlerMapping")
	AssetHandlerMapping assetRootHandlerMapping(AssetbustProperties properties, ResourceLoader resourceLoader) {
		AssetLocations root = AssetServing.buildRoot(properties, resourceLoader);
		AssetResourceHandler handler = new AssetResourceHandler(root, false);
		return new AssetHandlerMapping(root::has, handler, AssetServing.BEFORE_STATIC_RESOURCES + 1);
	}

}
