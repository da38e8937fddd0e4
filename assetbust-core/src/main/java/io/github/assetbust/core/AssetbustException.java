package io.github.assetbust.core;

/** Base of every error assetbust reports; the message always names what was wrong and where. */
public class AssetbustException extends RuntimeException {

	public AssetbustException(String message) {
		super(message);
	}

	public AssetbustException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The JVM gave out while assetbust was {@code doing} something ({@code "building /var/www"}):
	 * one line that says what ran out, what is left as it was ({@code aftermath}) and what to do.
	 */
	public static AssetbustException ranOut(Error error, String doing, String aftermath) {
		if (error instanceof OutOfMemoryError) {
			return new AssetbustException("Ran out of memory " + doing + " (" + error.getMessage() + ", at most "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap); " + aftermath
					+ ". Give the JVM more with -Xmx", error);
		}
		if (error instanceof StackOverflowError) {
			return new AssetbustException("Ran out of stack " + doing + "; " + aftermath
					+ ". This is a bug: please report it with the shape of the tree", error);
		}
		return new AssetbustException("The JVM failed " + doing + " (" + error + "); " + aftermath
				+ ". Please report it with the Java version you use", error);
	}

}
