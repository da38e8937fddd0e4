package io.github.assetbust.autoconfigure;

/** Where asset URLs come from: {@code assetbust.mode}. */
public enum AssetMode {

	/** The manifest a build wrote: the production setting. */
	MANIFEST,

	/**
	 * The live files, digested when asked, so that an edit shows on the next reload without a
	 * build: for development. Spring Boot DevTools switches to it unless the mode is set.
	 */
	DYNAMIC

}
