package io.github.assetbust.core;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;


/** Runs a batch of build tasks on the build's threads and waits for all of them. */
public final class ParallelTasks {

	private ParallelTasks() {
	}

	/**
	 * Runs {@code tasks} and returns once every one has finished.
	 * @param activity what the tasks do, for messages: "hashing", "compressing"
	 * @throws RuntimeException what the first failed task threw, as it was (an {@link Error} too)
	 * @throws AssetbustException for a checked failure or an interruption
	 */
	public static void runAll(ExecutorService executor, List<Callable<Void>> tasks, String activity) {
		try {
			for (Future<Void> task : executor.invokeAll(tasks)) {
				task.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while " + activity, ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex, activity);
		}
	}

	/**
	 * What {@code task}, started earlier on the build's threads, returned; waits for it.
	 * @throws RuntimeException what it threw, as it was (an {@link Error} too)
	 */
	public static <T> T result(Future<T> task, String activity) {
		try {
			return task.get();
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while " + activity, ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex, activity);
		}
	}

	/** What a task threw, to be thrown again: an {@link Error} is thrown from here as it was. */
	private static RuntimeException unwrap(ExecutionException ex, String activity) {
		if (ex.getCause() instanceof Error error) {
			throw error;
		}
		if (ex.getCause() instanceof RuntimeException runtime) {
			return runtime;
		}
		return new AssetbustException(Character.toUpperCase(activity.charAt(0)) + activity.substring(1) + " failed: "
				+ ex.getCause(), ex.getCause());
	}

}
