package io.github.assetbust.core;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep a JVM alive, named for what they do, for thread dumps. */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/** A factory of daemon threads all named {@code name}. */
	public static ThreadFactory named(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
