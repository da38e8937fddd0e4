package io.github.assetbust.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.github.assetbust.core.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTests {

	private static final byte[] OLD = "{\"version\": 1, \"assets\": {}}\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path folder;

	private static AtomicFiles.Writer<Void> writing(String content) {
		return (out) -> {
			out.write(content.getBytes(StandardCharsets.UTF_8));
			return null;
		};
	}

	@Test
	void writesANewFile() throws IOException {
		Path target = this.folder.resolve("asset-manifest.json");
		AtomicFiles.write(target, writing("new"));
		assertThat(target).hasContent("new");
	}

	@Test
	void replacesAnExistingFile() throws IOException {
		Path target = Files.write(this.folder.resolve("asset-manifest.json"), OLD);
		AtomicFiles.write(target, writing("new"));
		assertThat(target).hasContent("new");
	}

	@Test
	void returnsWhatTheWriterReturned() throws IOException {
		Integer result = AtomicFiles.write(this.folder.resolve("out.bin"), (out) -> {
			out.write(new byte[] { 1, 2, 3 });
			return 3;
		});
		assertThat(result).isEqualTo(3);
	}

	@Test
	void writesMoreThanItsBufferHolds() throws IOException {
		byte[] content = new byte[300_000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i % 251);
		}
		Path target = this.folder.resolve("big.bin");
		AtomicFiles.write(target, (out) -> {
			out.write(content);
			return null;
		});
		assertThat(Files.readAllBytes(target)).isEqualTo(content);
	}

	@Test
	void createsMissingParentFolders() throws IOException {
		Path target = this.folder.resolve("META-INF/assetbust/manifest.json");
		AtomicFiles.write(target, writing("new"));
		assertThat(target).hasContent("new");
	}

	@Test
	void leavesNoTemporaryFileAfterWriting() throws IOException {
		AtomicFiles.write(this.folder.resolve("asset-manifest.json"), writing("new"));
		assertThat(TestFiles.regularFiles(this.folder)).containsExactly("asset-manifest.json");
	}

	@Test
	void keepsTheOldFileIntactWhenTheWriterFailsHalfWay() throws IOException {
		Path target = Files.write(this.folder.resolve("asset-manifest.json"), OLD);
		assertThatThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write("{\"version\": 1, \"as".getBytes(StandardCharsets.UTF_8));
			out.flush();
			throw new IOException("disk full");
		})).isInstanceOf(IOException.class).hasMessage("disk full");
		assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
	}

	@Test
	void removesItsTemporaryFileWhenTheWriterFailsHalfWay() throws IOException {
		Path target = Files.write(this.folder.resolve("asset-manifest.json"), OLD);
		assertThatThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write(new byte[100_000]);
			throw new IOException("disk full");
		})).isInstanceOf(IOException.class);
		assertThat(TestFiles.regularFiles(this.folder)).containsExactly("asset-manifest.json");
	}

	@Test
	void keepsTheOldFileAndRemovesItsTemporaryFileWhenTheWriterThrowsAnUncheckedException() throws IOException {
		Path target = Files.write(this.folder.resolve("asset-manifest.json"), OLD);
		assertThatThrownBy(() -> AtomicFiles.write(target, (out) -> {
			out.write("half".getBytes(StandardCharsets.UTF_8));
			throw new UncheckedIOException(new IOException("serialisation failed"));
		})).isInstanceOf(UncheckedIOException.class);
		assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
		assertThat(TestFiles.tempFiles(this.folder)).isEmpty();
	}

	@Test
	void failsWithoutLeavingATemporaryFileWhenTheTargetIsAFolder() throws IOException {
		Path target = Files.createDirectories(this.folder.resolve("asset-manifest.json"));
		Files.write(target.resolve("keep.txt"), OLD);
		assertThatThrownBy(() -> AtomicFiles.write(target, writing("new"))).isInstanceOf(IOException.class);
		assertThat(target).isDirectory();
		assertThat(Files.readAllBytes(target.resolve("keep.txt"))).isEqualTo(OLD);
		assertThat(TestFiles.tempFiles(this.folder)).isEmpty();
	}

	@Test
	void givesANewFileTheSamePermissionsAsAnOrdinaryNewFile() throws IOException {
		Path target = this.folder.resolve("asset-manifest.json");
		AtomicFiles.write(target, writing("new"));
		Path ordinary = Files.createFile(this.folder.resolve("ordinary.json"));
		Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
		assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
	}

	@Test
	void createsItsTemporaryFileHiddenBesideTheTarget() throws IOException {
		Path target = this.folder.resolve("css/main.css");
		Path temp = AtomicFiles.newTempFile(target);
		assertThat(temp.getParent()).isEqualTo(target.toAbsolutePath().getParent());
		assertThat(temp.getFileName().toString()).startsWith(".main.css.").endsWith(AtomicFiles.TEMP_SUFFIX);
		assertThat(temp).isEmptyFile();
	}

	@Test
	void givesEachTemporaryFileItsOwnName() throws IOException {
		Path target = this.folder.resolve("asset-manifest.json");
		assertThat(AtomicFiles.newTempFile(target)).isNotEqualTo(AtomicFiles.newTempFile(target));
	}

	@Test
	void movesATemporaryFileOverItsTarget() throws IOException {
		Path target = Files.write(this.folder.resolve("asset-manifest.json"), OLD);
		Path temp = AtomicFiles.newTempFile(target);
		Files.writeString(temp, "new");
		AtomicFiles.move(temp, target);
		assertThat(target).hasContent("new");
		assertThat(temp).doesNotExist();
	}

}
