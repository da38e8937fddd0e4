/**
 * The manifest from original to hashed path: the model, its streaming reader and its writer.
 */
package io.github.assetbust.core.manifest;
