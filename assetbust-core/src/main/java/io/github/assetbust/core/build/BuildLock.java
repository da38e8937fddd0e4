package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.assetbust.core.AssetbustException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes builds and cleans of one tree take turns, across threads and processes: an
 * operating-system lock on a lock file beside the build's other state (so it never ends up among
 * the assets, or in a jar), plus an in-process lock because the operating system's is held per
 * process, not per thread. The lock file itself is never deleted, since deleting a locked file
 * would let a third build lock a new one beside it.
 */
public final class BuildLock implements AutoCloseable {

	/** How long a build waits for another one before it gives up. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(BuildLock.class);

	private static final Map<Path, ReentrantLock> inProcess = new ConcurrentHashMap<>();

	private static final long POLL_MILLIS = 50;

	private final ReentrantLock threadLock;

	private final FileChannel channel;

	private final FileLock fileLock;

	private boolean closed;

	private BuildLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
		this.threadLock = threadLock;
		this.channel = channel;
		this.fileLock = fileLock;
	}

	/** Waits the default time for the lock of the tree {@code options} builds. */
	public static BuildLock acquire(BuildOptions options) {
		return acquire(options.stateFile(StateFile.LOCK), BuildLock.DEFAULT_TIMEOUT);
	}

	/**
	 * Waits up to {@code timeout} for the lock held on {@code file}.
	 * @throws AssetbustException if another build holds it all that time
	 */
	public static BuildLock acquire(Path file, Duration timeout) {
		Path root = file.getParent();
		long deadline = System.nanoTime() + timeout.toNanos();
		ReentrantLock threadLock = inProcess.computeIfAbsent(file, (key) -> new ReentrantLock());
		try {
			if (!threadLock.tryLock()) {
				logger.info("Waiting for another build in this process (lock {})", file);
				if (!threadLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					throw busy(file, timeout);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while waiting for the build lock " + file, ex);
		}
		try {
			Files.createDirectories(root);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			try {
				FileLock lock = channel.tryLock();
				if (lock == null) {
					logger.info("Waiting for another process's build (lock {})", file);
				}
				while (lock == null) {
					if (System.nanoTime() > deadline) {
						throw busy(file, timeout);
					}
					Thread.sleep(POLL_MILLIS);
					lock = channel.tryLock();
				}
				return new BuildLock(threadLock, channel, lock);
			}
			catch (IOException | RuntimeException | InterruptedException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			threadLock.unlock();
			throw new AssetbustException("Cannot lock " + file + " to build: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			threadLock.unlock();
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while waiting for the build lock " + file, ex);
		}
		catch (RuntimeException ex) {
			threadLock.unlock();
			throw ex;
		}
	}

	private static AssetbustException busy(Path file, Duration timeout) {
		return new AssetbustException("Another build of the same tree held the lock " + file + " for " + timeout
				+ "; nothing was changed. If no build is running, the lock is stale only if its process is gone: "
				+ "the operating system releases it then, so try again");
	}

	/** Lets the next build in; closing twice does nothing more. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.fileLock.release();
			this.channel.close();
		}
		catch (IOException | OverlappingFileLockException ex) {
			logger.warn("Cannot release the build lock: {}", ex.getMessage());
		}
		finally {
			this.threadLock.unlock();
		}
	}

}
