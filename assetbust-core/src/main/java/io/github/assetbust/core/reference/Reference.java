package io.github.assetbust.core.reference;

/**
 * A URL written inside a text asset, exactly as written.
 * @param url the raw text between the quotes or parentheses, escapes and all
 * @param start where that text starts in the content
 * @param end where it ends (exclusive)
 * @param line the 1-based line it is on, for messages
 */
public record Reference(String url, int start, int end, int line) {
}
