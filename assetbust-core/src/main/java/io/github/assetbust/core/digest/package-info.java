/**
 * Digests: the one in a hashed name (md5, sha256) and the Subresource Integrity value.
 */
package io.github.assetbust.core.digest;
