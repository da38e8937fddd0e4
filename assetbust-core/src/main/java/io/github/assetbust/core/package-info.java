/**
 * The build pipeline, without Spring: path → scan → reference/rewrite → digest → build → compress
 * → manifest → retention → check, one package a stage. Here: what every stage shares.
 */
package io.github.assetbust.core;
