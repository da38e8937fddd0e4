package io.github.assetbust.autoconfigure;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs beyond what Spring's AOT processing finds itself: the manifest where
 * the Maven goal puts it, and the resolver's public methods, which templates call through SpEL's
 * reflection ({@code ${#assets.url('main.css')}}, {@code ${@assets.url('main.css')}}).
 * <p>
 * Not needed: the configuration properties (Spring Boot registers their binding hints), the
 * manifest's JSON (read token by token with Jackson's streaming parser, no reflection), the
 * build's state files (read only beside a {@code file:} manifest), and the hashed copies under
 * {@code static/} (Spring Boot registers its static locations).
 */
class AssetbustRuntimeHints implements RuntimeHintsRegistrar {

	/** {@link AssetbustProperties#DEFAULT_MANIFEST} as a resource hint writes it. */
	static final String DEFAULT_MANIFEST_RESOURCE = Manifest.CLASSPATH_LOCATION;

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern(DEFAULT_MANIFEST_RESOURCE);
		hints.reflection()
			.registerType(AssetResolver.class, MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(ManifestAssetResolver.class, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
