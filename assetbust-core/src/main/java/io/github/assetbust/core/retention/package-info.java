/**
 * Which earlier generations of hashed copies are kept for servers still handing them out,
 * and removing the others.
 */
package io.github.assetbust.core.retention;
