package io.github.assetbust.core.rewrite;

/** What a build did with one reference. */
public enum ReferenceOutcome {

	/** Pointed at the hashed copy of the asset it names. */
	REWRITTEN,
	/** Left alone: {@code data:} content. */
	DATA_URI,
	/** Left alone: another origin. */
	EXTERNAL,
	/** Left alone: only a {@code #fragment} or {@code ?query}, or a template expression such as {@code #{…}}. */
	FRAGMENT_ONLY,
	/** Left alone: names a file that exists but is not hashed (excluded, or a hashed copy itself). */
	NOT_AN_ASSET,
	/** Left alone and reported: names a file that does not exist. */
	MISSING,
	/** Left alone and reported, never followed: climbs out of the asset root. */
	OUTSIDE_ROOT,
	/** Left pointing at the original and reported: would close a cycle of references. */
	CYCLE;

	/** Whether strict mode fails the build over it. */
	public boolean isBroken() {
		return this == MISSING || this == OUTSIDE_ROOT;
	}

}
