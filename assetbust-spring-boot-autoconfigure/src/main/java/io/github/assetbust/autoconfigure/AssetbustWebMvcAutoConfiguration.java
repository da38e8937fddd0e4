package io.github.assetbust.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

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
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.util.StringUtils;
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

	/** How long browsers and CDNs may keep a hashed copy: a year, the longest widely honoured. */
	static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** Spring Boot's static resource mapping has {@code Ordered.LOWEST_PRECEDENCE - 1}. */
	private static final int BEFORE_STATIC_RESOURCES = Ordered.LOWEST_PRECEDENCE - 3;

	@Bean
	@ConditionalOnMissingBean(name = "hashedAssetHandlerMapping")
	HashedAssetHandlerMapping hashedAssetHandlerMapping(HashedRequests requests, AssetbustProperties properties,
			WebProperties webProperties, ResourceLoader resourceLoader,
			ObjectProvider<StaticAssetMirror> staticAssets) {
		AssetLocations locations = locations(properties, webProperties, resourceLoader, staticAssets.getIfAvailable());
		AssetResourceHandler immutable = new AssetResourceHandler(locations, properties.isCompressed());
		if (properties.isCacheControl()) {
			immutable.setCacheControl(IMMUTABLE);
		}
		AssetResourceHandler stale = new AssetResourceHandler(locations, properties.isCompressed(),
				new CurrentCopyResolver());
		stale.setCacheControl(CacheControl.noStore());
		return new HashedAssetHandlerMapping(requests, immutable, stale, BEFORE_STATIC_RESOURCES);
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
		AssetLocations root = AssetLocations.root(buildRoot(properties, resourceLoader));
		AssetResourceHandler handler = new AssetResourceHandler(root, false);
		return new AssetHandlerMapping(root::has, handler, BEFORE_STATIC_RESOURCES + 1);
	}

	/**
	 * Where hashed copies are, in lookup order: the zero-configuration output (the only place its
	 * copies are, so they need no class path lookup that misses), Spring Boot's static locations,
	 * the build root.
	 */
	private static AssetLocations locations(AssetbustProperties properties, WebProperties webProperties,
			ResourceLoader resourceLoader, StaticAssetMirror mirror) {
		AssetLocations locations = AssetLocations.of(Arrays.asList(webProperties.getResources().getStaticLocations()),
				resourceLoader);
		if (mirror != null) {
			locations = AssetLocations.root(mirror.folder()).then(locations);
		}
		if (StringUtils.hasText(properties.getBuild().getRoot())) {
			locations = locations.then(AssetLocations.root(buildRoot(properties, resourceLoader)));
		}
		return locations;
	}

	private static Path buildRoot(AssetbustProperties properties, ResourceLoader resourceLoader) {
		return ConfiguredLocations.path(properties.getBuild().getRoot(), "assetbust.build.root", resourceLoader);
	}

}
