/**
 * Asset URLs for templates and code: the resolvers (manifest and dynamic), the manifest in
 * use and its lookup index.
 */
package io.github.assetbust.resolve;
