package io.github.assetbust.autoconfigure;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.core.AssetPath;
import io.github.assetbust.spring.AssetManifest;
import io.github.assetbust.spring.StaticAssetMirror;
import io.github.assetbust.web.AssetHandlerMapping;
import io.github.assetbust.web.AssetLinkRewriter;
import io.github.assetbust.web.AssetUrlEncodingFilter;
import jakarta.servlet.DispatcherType;
import io.github.assetbust.web.PrecompressedResourceHandler;

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
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves hashed copies from the zero-configuration build's output, Spring Boot's static locations
 * and the build root with a one-year {@code immutable} cache header (and, unless
 * {@code assetbust.compressed=false}, their precompressed variants to clients that accept them),
 * and the other files under the build root as Spring Boot serves static files. Both mappings sit just before Boot's own static resource mapping.
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(AssetManifest.class)
@EnableConfigurationProperties({ AssetbustProperties.class, WebProperties.class })
public final class AssetbustWebMvcAutoConfiguration {

	/** How long browsers and CDNs may keep a hashed copy: a year, the longest widely honoured. */
	static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** Spring Boot's static resource mapping has {@code Ordered.LOWEST_PRECEDENCE - 1}. */
	private static final int BEFORE_STATIC_RESOURCES = Ordered.LOWEST_PRECEDENCE - 3;

	@Bean
	@ConditionalOnMissingBean(name = "hashedAssetHandlerMapping")
	AssetHandlerMapping hashedAssetHandlerMapping(AssetManifest manifest, AssetbustProperties properties,
			WebProperties webProperties, ResourceLoader resourceLoader,
			ObjectProvider<StaticAssetMirror> staticAssets) {
		ResourceHttpRequestHandler handler = properties.isCompressed() ? new PrecompressedResourceHandler()
				: new ResourceHttpRequestHandler();
		handler.setLocations(locations(properties, webProperties, resourceLoader, staticAssets.getIfAvailable()));
		if (properties.isCacheControl()) {
			handler.setCacheControl(IMMUTABLE);
		}
		return new AssetHandlerMapping((path) -> manifest.index().isHashed(path), handler, BEFORE_STATIC_RESOURCES);
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
		Path root = Locations.path(properties.getBuild().getRoot(), "assetbust.build.root", resourceLoader)
			.toAbsolutePath()
			.normalize();
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(Locations.resource(folder(root.toString()), resourceLoader)));
		return new AssetHandlerMapping((path) -> isFileInside(root, path), handler, BEFORE_STATIC_RESOURCES + 1);
	}

	private static List<Resource> locations(AssetbustProperties properties, WebProperties webProperties,
			ResourceLoader resourceLoader, StaticAssetMirror mirror) {
		List<Resource> locations = new ArrayList<>();
		if (mirror != null) {
			// first: the only place its hashed copies are, so they need no class path lookup that misses
			locations.add(new FileSystemResource(mirror.folder() + "/"));
		}
		for (String location : webProperties.getResources().getStaticLocations()) {
			locations.add(resourceLoader.getResource(folder(location)));
		}
		String root = properties.getBuild().getRoot();
		if (root != null && !root.isBlank()) {
			locations.add(Locations.resource(folder(root), resourceLoader));
		}
		return locations;
	}

	/** Resource handlers resolve paths relative to a location, which only works if it ends in '/'. */
	private static String folder(String location) {
		return location.endsWith("/") ? location : location + "/";
	}

	/**
	 * Whether {@code path} is a regular file under {@code root}, with no link leading outside it
	 * and no hidden segment: dotfiles (the build's state and lock among them) are not served.
	 */
	static boolean isFileInside(Path root, String path) {
		try {
			AssetPath asset = AssetPath.of(path);
			if (asset.toString().startsWith(".") || asset.toString().contains("/.")) {
				return false;
			}
			Path file = asset.resolveAgainst(root);
			return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					&& file.toRealPath().startsWith(root.toRealPath());
		}
		catch (Exception ex) {
			return false;
		}
	}

}
