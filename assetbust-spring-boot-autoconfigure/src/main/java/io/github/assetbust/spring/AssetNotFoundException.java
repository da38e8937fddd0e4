package io.github.assetbust.spring;

import io.github.assetbust.core.AssetbustException;

/**
 * Thrown in strict mode when a template asks for an asset the manifest does not have (in dynamic
 * mode: that no asset location has).
 */
public class AssetNotFoundException extends AssetbustException {

	private final String path;

	public AssetNotFoundException(String path, String manifestLocation) {
		super("No asset '" + path + "' in manifest " + manifestLocation
				+ " (assetbust.strict=true): fix the path, or rebuild the manifest so that it includes the file");
		this.path = path;
	}

	/**
	 * In dynamic mode: no readable file at {@code path} in any of {@code locations}, or one that
	 * {@code assetbust.build.include}/{@code exclude} leave out.
	 */
	public AssetNotFoundException(String path, AssetLocations locations) {
		super("No asset '" + path + "' in " + locations
				+ " (assetbust.mode=dynamic, assetbust.strict=true): fix the path, add the file, or check that "
				+ "assetbust.build.include/exclude select it");
		this.path = path;
	}

	public String getPath() {
		return this.path;
	}

}
