/**
 * Precompressed variants of hashed copies: gzip and Brotli, written beside each copy.
 */
package io.github.assetbust.core.compress;
