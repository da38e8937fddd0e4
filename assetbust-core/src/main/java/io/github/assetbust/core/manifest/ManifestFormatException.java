package io.github.assetbust.core.manifest;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.ControlCharacters;

/**
 * A manifest that cannot be parsed or holds entries that cannot be trusted. The problem quotes
 * names from the manifest, so its line breaks and other control characters are escaped: a crafted
 * manifest cannot forge lines of the log that reports it.
 */
public class ManifestFormatException extends AssetbustException {

	public ManifestFormatException(String location, String problem) {
		super("Malformed asset manifest " + location + ": " + ControlCharacters.escape(problem));
	}

	public ManifestFormatException(String location, String problem, Throwable cause) {
		super("Malformed asset manifest " + location + ": " + ControlCharacters.escape(problem), cause);
	}

}
