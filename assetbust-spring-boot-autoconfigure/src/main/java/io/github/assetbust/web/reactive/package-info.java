/**
 * Serving assets with Spring WebFlux: handler mappings, the resource handler with its cache and
 * encoding rules, the link-rewriting filter.
 */
package io.github.assetbust.web.reactive;
