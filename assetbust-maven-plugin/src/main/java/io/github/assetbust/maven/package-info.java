/**
 * The Maven goals: {@code assetbust:build}, which hashes the static files and writes the manifest
 * to the class path, and {@code assetbust:publish}, which uploads them to a bucket at deploy.
 */
package io.github.assetbust.maven;
