/**
 * Auto-configuration: properties, conditions and the wiring of the other packages; no
 * serving or building rule of its own.
 */
package io.github.assetbust.autoconfigure;
