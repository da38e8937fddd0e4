/**
 * The encodings of precompressed variants: gzip and Brotli, which files get them, and their names
 * ({@code main-<digest>.css.gz}); the build's compress stage writes them.
 */
package io.github.assetbust.core.compress;
