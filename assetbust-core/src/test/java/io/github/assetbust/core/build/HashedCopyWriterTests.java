package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.files.Flusher;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashedCopyWriterTests {

	private static final String MAIN_CSS = "body { color: #333; }\n";

	@TempDir
	Path temp;

	Path root;

	private final Flusher flusher = new Flusher();

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.temp.resolve("root")).toRealPath();
	}

	@AfterEach
	void stopFlushing() {
		this.flusher.close();
	}

	private HashedCopyWriter writer() {
		return new HashedCopyWriter(this.root, new Digester(DigestAlgorithm.MD5), 32, Set.of(), this.flusher);
	}

	private static String md5(String content) {
		return TestFiles.md5(content.getBytes(StandardCharsets.UTF_8));
	}

	private static AssetPath path(String path) {
		return AssetPath.of(path);
	}

	@Test
	void writesTheCopyBesideTheOriginalNamedAfterTheDigestOfItsBytes() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		HashedCopyWriter writer = writer();
		HashedCopyWriter.Copy copy = writer.copy(path("css/main.css"));
		writer.awaitDurable();
		byte[] bytes = MAIN_CSS.getBytes(StandardCharsets.UTF_8);
		assertThat(copy).isEqualTo(new HashedCopyWriter.Copy(new ManifestEntry(
				path("css/main-" + md5(MAIN_CSS) + ".css"), TestFiles.integrity(bytes), bytes.length), true));
		assertThat(this.root.resolve("css/main-" + md5(MAIN_CSS) + ".css")).hasContent(MAIN_CSS);
	}

	@Test
	void namesAWrittenCopyAfterWhatWasWrittenNotAfterTheOriginal() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		String rewritten = "body { background: url(x-0123.png); }\n";
		HashedCopyWriter.Copy copy = writer().write(path("css/main.css"),
				(out) -> out.write(rewritten.getBytes(StandardCharsets.UTF_8)));
		assertThat(copy.entry().path()).isEqualTo(path("css/main-" + md5(rewritten) + ".css"));
		assertThat(copy.entry().path().resolveAgainst(this.root)).hasContent(rewritten);
	}

	@Test
	void givesNoIntegrityToACopyNoBrowserChecks() throws IOException {
		TestFiles.write(this.root, "img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(writer().copy(path("img/logo.png")).entry().integrity()).isNull();
	}

	@Test
	void putsTheConfiguredLengthOfTheDigestIntoTheName() throws IOException {
		TestFiles.write(this.root, "js/app.js", "x");
		HashedCopyWriter writer = new HashedCopyWriter(this.root, new Digester(DigestAlgorithm.SHA256), 8, Set.of(),
				this.flusher);
		String sha256 = TestFiles.sha256("x".getBytes(StandardCharsets.UTF_8));
		assertThat(writer.copy(path("js/app.js")).entry().path()).isEqualTo(path("js/app-" + sha256.substring(0, 8) + ".js"));
	}

	@Test
	void leavesACopyAlreadyInPlaceAsItIsAndSaysItWroteNothing() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		HashedCopyWriter.Copy first = writer().copy(path("css/main.css"));
		Path copy = first.entry().path().resolveAgainst(this.root);
		String stamp = FileStamp.of(copy);
		HashedCopyWriter.Copy again = writer().copy(path("css/main.css"));
		assertThat(again).isEqualTo(new HashedCopyWriter.Copy(first.entry(), false));
		assertThat(FileStamp.of(copy)).isEqualTo(stamp);
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
	}

	@Test
	void aFileOfAnotherSizeUnderTheCopysNameIsAnErrorNamingBoth() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path inTheWay = TestFiles.write(this.root, "css/main-" + md5(MAIN_CSS) + ".css", "mine");
		assertThatThrownBy(() -> writer().copy(path("css/main.css"))).isInstanceOf(AssetbustException.class)
			.hasMessage("Cannot use the hashed copy of css/main.css: css/main-" + md5(MAIN_CSS) + ".css exists with 4 "
					+ "bytes instead of " + MAIN_CSS.length()
					+ ", so its content does not match its name; move it away and build again");
		assertThat(inTheWay).hasContent("mine");
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
	}

	@Test
	void aLinkUnderTheCopysNameIsRefusedNotFollowed() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		Path victim = TestFiles.write(this.temp, "outside/victim.css", MAIN_CSS);
		Files.createSymbolicLink(this.root.resolve("css/main-" + md5(MAIN_CSS) + ".css"), victim);
		assertThatThrownBy(() -> writer().copy(path("css/main.css"))).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("css/main-" + md5(MAIN_CSS) + ".css exists and is not a regular file");
		assertThat(victim).hasContent(MAIN_CSS);
	}

	@Test
	void aWriteThatFailsHalfWayLeavesNeitherACopyNorATemporaryFile() throws IOException {
		TestFiles.write(this.root, "css/main.css", MAIN_CSS);
		assertThatThrownBy(() -> writer().write(path("css/main.css"), (out) -> {
			out.write("body {".getBytes(StandardCharsets.UTF_8));
			throw new IOException("No space left on device");
		})).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Cannot write the hashed copy of css/main.css in " + this.root)
			.hasMessageContaining("No space left on device");
		assertThat(TestFiles.allRegularFiles(this.root)).containsExactly("css/main.css");
	}

	@Test
	void refusesToCopyAnOriginalThatIsALinkNow() throws IOException {
		Path secret = TestFiles.write(this.temp, "outside/secret.css", "secret");
		Files.createDirectories(this.root.resolve("css"));
		Files.createSymbolicLink(this.root.resolve("css/main.css"), secret);
		assertThatThrownBy(() -> writer().copy(path("css/main.css"))).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Cannot write the hashed copy of css/main.css");
		assertThat(TestFiles.tempFiles(this.root)).isEmpty();
		assertThat(TestFiles.allRegularFiles(this.root)).isEmpty();
	}

}
