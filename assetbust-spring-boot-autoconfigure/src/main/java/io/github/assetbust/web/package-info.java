/**
 * Serving assets, as any web framework needs it: which files may be served, how a hashed
 * request is answered, how precompressed variants and dynamic-mode versions are chosen, which
 * WebJar URLs are versioned, how links are rewritten.
 */
package io.github.assetbust.web;
