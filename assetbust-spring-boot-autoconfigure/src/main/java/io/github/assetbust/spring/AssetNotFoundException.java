package io.github.assetbust.spring;

import io.github.assetbust.core.AssetbustException;

/** Thrown in strict mode when a template asks for an asset the manifest does not have. */
public class AssetNotFoundException extends AssetbustException {

	private final String path;

	public AssetNotFoundException(String path, String manifestLocation) {
		super("No asset '" + path + "' in manifest " + manifestLocation
				+ " (assetbust.strict=true): fix the path, or rebuild the manifest so that it includes the file");
		this.path = path;
	}

	public String getPath() {
		return this.path;
	}

}
