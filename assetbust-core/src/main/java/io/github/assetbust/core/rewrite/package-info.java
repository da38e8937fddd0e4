/**
 * Planning what becomes of every reference, in dependency levels, and rewriting a file so its
 * references point at hashed copies.
 */
package io.github.assetbust.core.rewrite;
