/**
 * Paths inside an asset root: their normal form, the one rule for what is inside a root
 * (AssetRoot), hashed names, globs, URL text.
 */
package io.github.assetbust.core.path;
