package io.github.assetbust.autoconfigure;

import io.github.assetbust.core.AssetbustException;

/** Jackson 3 cannot start because the jackson-annotations on the classpath is older than it needs. */
public class IncompatibleJacksonAnnotationsException extends AssetbustException {

	private final String neededVersion;

	public IncompatibleJacksonAnnotationsException(String jacksonVersion, String neededVersion, String found,
			LinkageError cause) {
		super("assetbust reads its manifest with Jackson " + jacksonVersion
				+ ", which needs com.fasterxml.jackson.core:jackson-annotations " + neededVersion
				+ " or later, but the classpath has " + found + ": " + cause, cause);
		this.neededVersion = neededVersion;
	}

	/** The oldest jackson-annotations version that the Jackson 3 on the classpath starts with. */
	public String getNeededVersion() {
		return this.neededVersion;
	}

}
