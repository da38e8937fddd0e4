/**
 * The command line: build, check, clean and publish over one root, their options read into
 * core's (defaults from core), one error line on stderr, the progress line.
 */
package io.github.assetbust.cli;
