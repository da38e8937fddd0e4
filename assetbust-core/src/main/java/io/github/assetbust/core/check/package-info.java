/**
 * Verifying a built tree: every entry, digest, reference and variant.
 */
package io.github.assetbust.core.check;
