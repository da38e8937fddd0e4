package io.github.assetbust.core.manifest;

import io.github.assetbust.core.AssetbustException;

/** A manifest that cannot be parsed or holds entries that cannot be trusted. */
public class ManifestFormatException extends AssetbustException {

	public ManifestFormatException(String location, String problem) {
		super("Malformed asset manifest " + location + ": " + problem);
	}

	public ManifestFormatException(String location, String problem, Throwable cause) {
		super("Malformed asset manifest " + location + ": " + problem, cause);
	}

}
