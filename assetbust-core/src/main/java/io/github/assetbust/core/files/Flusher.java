package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;

/**
 * Makes files durable under their names: each file's data, then each folder they were renamed into,
 * once. A flush waits for the disk, not the CPU, and file systems commit concurrent flushes together,
 * so flushes run many at a time on threads of their own, while the hashing threads go on (on a
 * journaling file system 4,000 flushes take a quarter of the time on 32 threads that they take on 2).
 */
public final class Flusher implements AutoCloseable {

	private static final int THREADS = 32;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS,
			DaemonThreads.named("assetbust-flush"));

	private final Queue<Future<?>> pending = new ConcurrentLinkedQueue<>();

	private final Set<Path> folders = ConcurrentHashMap.newKeySet();

	/** Starts flushing {@code file}; {@link #awaitAll} waits for it. */
	public void flushLater(Path file) {
		this.folders.add(file.toAbsolutePath().getParent());
		this.pending.add(this.threads.submit(() -> {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				channel.force(true);
			}
			return null;
		}));
	}

	/**
	 * Waits until every file handed over so far is on disk, then flushes their folders, so the
	 * renames that gave the files their names are on disk too.
	 * @throws AssetbustException if a file cannot be flushed
	 */
	public void awaitAll() {
		awaitPending();
		List<Path> renamedInto = new ArrayList<>(this.folders);
		this.folders.clear();
		renamedInto.forEach((folder) -> this.pending.add(this.threads.submit(() -> AtomicFiles.syncFolder(folder))));
		awaitPending();
	}

	private void awaitPending() {
		try {
			for (Future<?> flush = this.pending.poll(); flush != null; flush = this.pending.poll()) {
				flush.get();
			}
		}
		catch (ExecutionException ex) {
			throw new AssetbustException("Cannot flush hashed copies to disk: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while flushing hashed copies to disk", ex);
		}
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
