package io.github.assetbust.autoconfigure;

/**
 * How a request for a hashed copy of a generation this server never had is answered (a page
 * rendered by the other release of a rolling deploy of jars asks for it).
 */
public enum StaleHashed {

	/** With the current copy of its original, marked {@code Cache-Control: no-store}. */
	FALLBACK,

	/** With a 404, as any unknown path. */
	NOT_FOUND

}
