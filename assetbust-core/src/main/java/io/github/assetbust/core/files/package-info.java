/**
 * Writing files so that a crash never leaves a half-written one under its name: atomic
 * writes, flushing, stamps, and clearing what an interrupted build left.
 */
package io.github.assetbust.core.files;
