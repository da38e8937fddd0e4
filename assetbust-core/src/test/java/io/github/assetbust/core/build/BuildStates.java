package io.github.assetbust.core.build;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reads a build's state as a build does, for tests of the stages that use it. */
public final class BuildStates {

	private BuildStates() {
	}

	public static BuildState read(BuildOptions options) {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			return BuildState.readLater(options, executor).get();
		}
		finally {
			executor.shutdownNow();
		}
	}

}
