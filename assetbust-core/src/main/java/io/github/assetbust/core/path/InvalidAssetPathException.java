package io.github.assetbust.core.path;

import io.github.assetbust.core.AssetbustException;

/** A path that cannot name a file under the asset root. */
public class InvalidAssetPathException extends AssetbustException {

	private final String path;

	public InvalidAssetPathException(String path, String reason) {
		super("Invalid asset path '" + ControlCharacters.escape(path) + "': " + reason);
		this.path = path;
	}

	public String getPath() {
		return this.path;
	}

}
