package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Path;

import io.github.assetbust.core.path.AssetPath;

/**
 * Build caches for the tests of stages outside this package (the compress stage reads one), whose
 * factories the build keeps to itself. Only what the build itself can do: start empty, or read
 * what an earlier build wrote.
 */
public final class BuildCaches {

	private BuildCaches() {
	}

	/** The cache of a first build. */
	public static BuildCache empty(BuildOptions options) {
		return BuildCache.empty(options);
	}

	/** The cache a build with {@code options} finds after one that learnt {@code entry} of {@code asset}. */
	public static BuildCache remembering(BuildOptions options, AssetPath asset, BuildCache.Entry entry)
			throws IOException {
		Path file = options.stateFile(StateFile.CACHE);
		BuildCache earlier = BuildCache.empty(options);
		earlier.put(asset, entry);
		earlier.write(file);
		return BuildCache.read(file, options);
	}

}
