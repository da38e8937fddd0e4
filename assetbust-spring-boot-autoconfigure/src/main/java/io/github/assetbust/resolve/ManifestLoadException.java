package io.github.assetbust.resolve;

import io.github.assetbust.core.AssetbustException;
/** The manifest could not be loaded; in strict mode this stops the application from starting. */
public class ManifestLoadException extends AssetbustException {

	private final String location;

	public ManifestLoadException(String location, String message, Throwable cause) {
		super(message, cause);
		this.location = location;
	}

	public String getLocation() {
		return this.location;
	}

}
