package io.github.assetbust.core;

/** Base of every error assetbust reports; the message always names what was wrong and where. */
public class AssetbustException extends RuntimeException {

	public AssetbustException(String message) {
		super(message);
	}

	public AssetbustException(String message, Throwable cause) {
		super(message, cause);
	}

}
