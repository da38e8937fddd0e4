package io.github.assetbust.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTests {

	@Test
	void makesThreadsThatNeverKeepTheJvmAlive() {
		Thread thread = DaemonThreads.named("assetbust-test").newThread(() -> {
		});
		assertThat(thread.isDaemon()).isTrue();
	}

	@Test
	void namesEveryThreadForWhatItDoesSoThreadDumpsTellThemApart() {
		var factory = DaemonThreads.named("assetbust-hash");
		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("assetbust-hash");
		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("assetbust-hash");
	}

	@Test
	void runsTheTaskItWasGiven() throws Exception {
		CompletableFuture<String> ranOn = new CompletableFuture<>();
		Thread thread = DaemonThreads.named("assetbust-flush")
			.newThread(() -> ranOn.complete(Thread.currentThread().getName()));
		thread.start();
		assertThat(ranOn.get(10, TimeUnit.SECONDS)).isEqualTo("assetbust-flush");
	}

}
