/**
 * Finding the references written inside CSS and JavaScript, one class a syntax, and where
 * each one points.
 */
package io.github.assetbust.core.reference;
