/**
 * Finding the files under a root that the globs select and the root's rule allows.
 */
package io.github.assetbust.core.scan;
