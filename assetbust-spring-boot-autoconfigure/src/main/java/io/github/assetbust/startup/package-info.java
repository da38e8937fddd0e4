/**
 * The build an application runs while it starts, before it accepts requests, and the copy of
 * the static locations that the zero-configuration build hashes.
 */
package io.github.assetbust.startup;
