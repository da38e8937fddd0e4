package io.github.assetbust.startup;

import io.github.assetbust.core.AssetbustException;
/** The startup build failed in strict mode, which stops the application. */
public class AssetBuildException extends AssetbustException {

	AssetBuildException(AssetbustException cause) {
		super("Asset build failed: " + cause.getMessage(), cause);
	}

}
