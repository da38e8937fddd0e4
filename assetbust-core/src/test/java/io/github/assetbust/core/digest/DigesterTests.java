package io.github.assetbust.core.digest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigesterTests {

	private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

	private static final String EMPTY_SHA384_INTEGRITY = "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb";

	@TempDir
	Path root;

	private final Digester md5 = new Digester(DigestAlgorithm.MD5);

	/** What copying {@code file} digests, the copy thrown away. */
	private Digest digest(Path file, boolean withIntegrity) throws IOException {
		return this.md5.copy(file, Channels.newChannel(OutputStream.nullOutputStream()), withIntegrity);
	}

	@Test
	void digestsAFileWithMd5InLowerCaseHex() throws IOException {
		byte[] content = "body { color: red; }\n".getBytes(StandardCharsets.UTF_8);
		Path file = TestFiles.write(this.root, "main.css", content);
		assertThat(this.md5.digest(file).hex()).isEqualTo(TestFiles.md5(content)).hasSize(32).matches("[0-9a-f]+");
	}

	@Test
	void digestsAFileWithSha256() throws IOException {
		byte[] content = "console.log('hi');".getBytes(StandardCharsets.UTF_8);
		Path file = TestFiles.write(this.root, "app.js", content);
		assertThat(new Digester(DigestAlgorithm.SHA256).digest(file).hex()).isEqualTo(TestFiles.sha256(content))
			.hasSize(64);
	}

	@Test
	void givesTheSha384IntegrityOfTheBytes() throws IOException {
		byte[] content = "alert(1)".getBytes(StandardCharsets.UTF_8);
		Path file = TestFiles.write(this.root, "app.js", content);
		assertThat(digest(file, true).integrity())
			.isEqualTo(TestFiles.integrity(content))
			.startsWith("sha384-");
	}

	@Test
	void computesNoIntegrityUnlessAsked() throws IOException {
		Path file = TestFiles.write(this.root, "logo.png", new byte[] { 1, 2, 3 });
		assertThat(this.md5.digest(file).integrity()).isNull();
		assertThat(digest(file, false).integrity()).isNull();
		assertThat(this.md5.digest(new byte[] { 1, 2, 3 }, false).integrity()).isNull();
	}

	@Test
	void givesTheSizeInBytes() throws IOException {
		byte[] content = "ünïcødé".getBytes(StandardCharsets.UTF_8);
		Path file = TestFiles.write(this.root, "u.txt", content);
		assertThat(this.md5.digest(file).size()).isEqualTo(content.length);
	}

	@Test
	void digestsAnEmptyFile() throws IOException {
		Path file = TestFiles.write(this.root, "empty.css", new byte[0]);
		assertThat(this.md5.digest(file)).isEqualTo(new Digest(EMPTY_MD5, null, 0));
		assertThat(digest(file, true))
			.isEqualTo(new Digest(EMPTY_MD5, EMPTY_SHA384_INTEGRITY, 0));
	}

	@Test
	void digestsAFileLargerThanItsBufferCompletely() throws IOException {
		byte[] content = new byte[200_003];
		new Random(42).nextBytes(content);
		Path file = TestFiles.write(this.root, "big.bin", content);
		Digest digest = digest(file, true);
		assertThat(digest.hex()).isEqualTo(TestFiles.md5(content));
		assertThat(digest.integrity()).isEqualTo(TestFiles.integrity(content));
		assertThat(digest.size()).isEqualTo(content.length);
	}

	@Test
	void copiesExactlyTheBytesItDigests() throws IOException {
		// more than one buffer's worth
		byte[] content = new byte[600_000];
		new Random(7).nextBytes(content);
		Path file = TestFiles.write(this.root, "big.bin", content);
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		Digest digest = this.md5.copy(file, Channels.newChannel(copy), false);
		assertThat(copy.toByteArray()).isEqualTo(content);
		assertThat(digest.hex()).isEqualTo(TestFiles.md5(copy.toByteArray()));
	}

	@Test
	void digestsBytesInMemoryLikeTheSameFile() throws IOException {
		byte[] content = "a { background: url(x.png) }".getBytes(StandardCharsets.UTF_8);
		Path file = TestFiles.write(this.root, "a.css", content);
		assertThat(this.md5.digest(content, true)).isEqualTo(digest(file, true));
		assertThat(this.md5.digest(content, false)).isEqualTo(this.md5.digest(file));
	}

	@Test
	void digestsAStreamLikeTheSameFile() throws IOException {
		byte[] content = new byte[100_001];
		new Random(3).nextBytes(content);
		Path file = TestFiles.write(this.root, "big.bin", content);
		try (InputStream in = new ByteArrayInputStream(content)) {
			assertThat(this.md5.digest(in, true)).isEqualTo(digest(file, true))
				.extracting(Digest::hex)
				.isEqualTo(TestFiles.md5(content));
		}
		try (InputStream in = new ByteArrayInputStream(content)) {
			assertThat(this.md5.digest(in, false)).isEqualTo(this.md5.digest(file));
		}
	}

	@Test
	void cutsTheDigestToTheLengthUsedInNames() {
		Digest digest = this.md5.digest(new byte[0], false);
		assertThat(digest.forName(8)).isEqualTo(EMPTY_MD5.substring(0, 8));
		assertThat(digest.forName(32)).isEqualTo(EMPTY_MD5);
	}

	@Test
	void neverCutsTheDigestLongerThanItIs() {
		assertThat(this.md5.digest(new byte[0], false).forName(64)).isEqualTo(EMPTY_MD5);
	}

	@Test
	void reportsItsAlgorithm() {
		assertThat(new Digester(DigestAlgorithm.SHA256).algorithm()).isEqualTo(DigestAlgorithm.SHA256);
	}

	@Test
	void parsesAlgorithmIdsIgnoringCaseAndDashes() {
		assertThat(DigestAlgorithm.fromId("md5")).isEqualTo(DigestAlgorithm.MD5);
		assertThat(DigestAlgorithm.fromId(" SHA-256 ")).isEqualTo(DigestAlgorithm.SHA256);
		assertThat(DigestAlgorithm.fromId("sha256")).isEqualTo(DigestAlgorithm.SHA256);
	}

	@Test
	void rejectsAnUnknownAlgorithmNamingIt() {
		assertThatThrownBy(() -> DigestAlgorithm.fromId("sha1")).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("'sha1'");
	}

	@Test
	void namesAlgorithmsInLowerCaseWithTheirFullHexLength() {
		assertThat(DigestAlgorithm.MD5.id()).isEqualTo("md5");
		assertThat(DigestAlgorithm.MD5.hexLength()).isEqualTo(32);
		assertThat(DigestAlgorithm.SHA256.id()).isEqualTo("sha256");
		assertThat(DigestAlgorithm.SHA256.hexLength()).isEqualTo(64);
	}

}
