package io.github.assetbust.core.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelTasksTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(4, DaemonThreads.named("test-tasks"));

	@AfterEach
	void stopThreads() {
		this.executor.shutdownNow();
	}

	private static Callable<Void> failing(Throwable failure) {
		return () -> {
			if (failure instanceof Exception exception) {
				throw exception;
			}
			throw (Error) failure;
		};
	}

	@Test
	void returnsOnceEveryTaskHasRun() {
		AtomicInteger ran = new AtomicInteger();
		List<Callable<Void>> tasks = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			tasks.add(() -> {
				Thread.sleep(2);
				ran.incrementAndGet();
				return null;
			});
		}
		ParallelTasks.runAll(this.executor, tasks, "hashing");
		assertThat(ran).hasValue(50);
	}

	@Test
	void anUncheckedExceptionOfATaskSurfacesAsItWas() {
		AssetbustException failure = new AssetbustException("css/a.css in /srv changed while it was being built");
		assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, List.of(failing(failure)), "hashing"))
			.isSameAs(failure);
	}

	@Test
	void anErrorOfATaskSurfacesAsItWasSoTheBuildCanTellWhatRanOut() {
		OutOfMemoryError failure = new OutOfMemoryError("Java heap space");
		assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, List.of(failing(failure)), "hashing"))
			.isSameAs(failure);
	}

	@Test
	void aCheckedExceptionOfATaskIsReportedWithWhatTheTasksDid() {
		IOException failure = new IOException("No space left on device");
		assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, List.of(failing(failure)), "compressing"))
			.isInstanceOf(AssetbustException.class)
			.hasMessage("Compressing failed: java.io.IOException: No space left on device")
			.hasCause(failure);
	}

	@Test
	void theFailureOfTheFirstTaskInTheListSurfacesWhicheverFailedFirst() {
		IllegalStateException late = new IllegalStateException("late");
		IllegalStateException early = new IllegalStateException("early");
		List<Callable<Void>> tasks = List.of(() -> {
			Thread.sleep(200);
			throw late;
		}, failing(early));
		assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, tasks, "hashing")).isSameAs(late);
	}

	@Test
	void waitsForEveryTaskEvenWhenOneFailsSoNoneIsLeftWritingAfterwards() {
		AtomicBoolean slowOneDone = new AtomicBoolean();
		List<Callable<Void>> tasks = List.of(failing(new IllegalStateException("fails at once")), () -> {
			Thread.sleep(200);
			slowOneDone.set(true);
			return null;
		});
		assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, tasks, "hashing"))
			.hasMessage("fails at once");
		assertThat(slowOneDone).isTrue();
	}

	@Test
	void anInterruptionEndsTheWaitAndLeavesTheThreadInterrupted() {
		CountDownLatch never = new CountDownLatch(1);
		List<Callable<Void>> tasks = List.of(() -> {
			never.await();
			return null;
		});
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> ParallelTasks.runAll(this.executor, tasks, "hashing"))
				.isInstanceOf(AssetbustException.class)
				.hasMessage("Interrupted while hashing");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
