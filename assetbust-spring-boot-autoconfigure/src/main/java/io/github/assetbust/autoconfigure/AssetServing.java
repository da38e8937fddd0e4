package io.github.assetbust.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.AssetLocations;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.util.StringUtils;

/**
 * What the Spring MVC and the Spring WebFlux auto-configurations serve alike: the header of hashed
 * copies, where the handler mappings go, and where the files are.
 */
final class AssetServing {

	/** How long browsers and CDNs may keep a hashed copy: a year, the longest widely honoured. */
	static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/**
	 * Just before Spring Boot's static resource mapping, which both frameworks order at
	 * {@code Ordered.LOWEST_PRECEDENCE - 1}, and after the application's controllers.
	 */
	static final int BEFORE_STATIC_RESOURCES = Ordered.LOWEST_PRECEDENCE - 3;

	/** Versioned WebJar files, before dynamic mode's plain mapping, which also finds them. */
	static final int WEBJARS = BEFORE_STATIC_RESOURCES - 1;

	private AssetServing() {
	}

	/**
	 * Where hashed copies are, in lookup order: the zero-configuration output (the only place its
	 * copies are, so they need no class path lookup that misses), Spring Boot's static locations,
	 * the build root.
	 */
	static AssetLocations hashedCopies(AssetbustProperties properties, WebProperties webProperties,
			ResourceLoader resourceLoader, StaticAssetMirror mirror) {
		AssetLocations locations = AssetLocations.of(Arrays.asList(webProperties.getResources().getStaticLocations()),
				resourceLoader);
		if (mirror != null) {
			locations = AssetLocations.root(mirror.folder()).then(locations);
		}
		if (StringUtils.hasText(properties.getBuild().getRoot())) {
			locations = locations.then(buildRoot(properties, resourceLoader));
		}
		return locations;
	}

	/**
	 * The request paths dynamic mode answers as hashed: a file of {@code locations} under a name
	 * with its content digest, {@code css/main-<md5>.css}.
	 */
	static Predicate<String> dynamicHashedPaths(AssetLocations locations) {
		return (path) -> locations.hasOriginalOf(path, ContentDigests.ALGORITHM.hexLength());
	}

	/** {@code assetbust.build.root}, whose other files are served too. */
	static AssetLocations buildRoot(AssetbustProperties properties, ResourceLoader resourceLoader) {
		Path root = ConfiguredLocations.path(properties.getBuild().getRoot(), "assetbust.build.root", resourceLoader);
		return AssetLocations.root(root);
	}

}
