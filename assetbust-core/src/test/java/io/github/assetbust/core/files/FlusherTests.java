package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlusherTests {

	@TempDir
	Path folder;

	private List<Path> files(String folder, int count) throws IOException {
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			files.add(TestFiles.write(this.folder, folder + "/file-" + i + ".css", "a{width:" + i + "px}"));
		}
		return files;
	}

	@Test
	void flushesEveryFileHandedOverInManyFoldersWithoutChangingIt() throws IOException {
		List<Path> files = files("css", 100);
		files.addAll(files("js", 100));
		try (Flusher flusher = new Flusher()) {
			files.forEach(flusher::flushLater);
			flusher.awaitAll();
		}
		for (int i = 0; i < 100; i++) {
			assertThat(files.get(i)).hasContent("a{width:" + i + "px}");
		}
	}

	@Test
	void awaitAllWithNothingHandedOverReturnsAtOnce() {
		try (Flusher flusher = new Flusher()) {
			assertThatNoException().isThrownBy(flusher::awaitAll);
		}
	}

	@Test
	void awaitAllWaitsForTheResultOfEveryFlushAndNamesAFileThatCannotBeFlushed() throws IOException {
		List<Path> files = files("css", 50);
		Path missing = this.folder.resolve("css/never-written.css");
		files.add(25, missing);
		try (Flusher flusher = new Flusher()) {
			files.forEach(flusher::flushLater);
			assertThatThrownBy(flusher::awaitAll).isInstanceOf(AssetbustException.class)
				.hasMessageStartingWith("Cannot flush hashed copies to disk")
				.hasMessageContaining(missing.toString());
		}
	}

	@Test
	void canBeAwaitedAgainForFilesHandedOverAfterTheLastWait() throws IOException {
		try (Flusher flusher = new Flusher()) {
			files("css", 3).forEach(flusher::flushLater);
			flusher.awaitAll();
			files("js", 3).forEach(flusher::flushLater);
			assertThatNoException().isThrownBy(flusher::awaitAll);
		}
	}

	@Test
	void closingWithFlushesStillUnderWayOrTwiceIsSafe() throws IOException {
		Flusher flusher = new Flusher();
		files("css", 50).forEach(flusher::flushLater);
		assertThatNoException().isThrownBy(() -> {
			flusher.close();
			flusher.close();
		});
	}

	@Test
	void closingAfterWaitingIsSafe() throws IOException {
		Flusher flusher = new Flusher();
		files("css", 3).forEach(flusher::flushLater);
		flusher.awaitAll();
		assertThatNoException().isThrownBy(flusher::close);
	}

}
