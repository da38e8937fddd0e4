package io.github.assetbust.core.retention;

import java.time.Duration;

import io.github.assetbust.core.AssetbustException;

/**
 * Which hashed copies of earlier builds a build keeps, so that a server still handing out an
 * older page never points a browser at a file that is gone.
 * @param keep how many previous generations to keep whole
 * @param maxAge keep any generated file younger than this, whatever its generation
 */
public record Retention(int keep, Duration maxAge) {

	public static final Retention DEFAULT = new Retention(2, Duration.ofHours(1));

	public Retention {
		if (keep < 0) {
			throw new AssetbustException("Cannot keep " + keep + " generations: use 0 or more");
		}
		if (maxAge.isNegative()) {
			throw new AssetbustException("The max age of kept files cannot be negative: " + maxAge);
		}
	}

}
