/**
 * The WebFlux sample site: an application class and one controller; assetbust needs nothing else.
 */
package io.github.assetbust.sample.webflux;
