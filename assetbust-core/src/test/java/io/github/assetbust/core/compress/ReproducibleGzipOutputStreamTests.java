package io.github.assetbust.core.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReproducibleGzipOutputStreamTests {

	/** Text that compresses, but not so trivially that every level gives the same bytes. */
	private static final byte[] CSS = css();

	private static byte[] css() {
		StringBuilder css = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			css.append(".c").append((i * 7919) % 503).append("{margin:").append((i * 31) % 47).append("px}\n");
		}
		return css.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ReproducibleGzipOutputStream gzip = new ReproducibleGzipOutputStream(out)) {
			gzip.write(content);
		}
		return out.toByteArray();
	}

	@Test
	void writesTheSameBytesForTheSameInputEveryTime() throws IOException {
		assertThat(gzip(CSS)).isEqualTo(gzip(CSS));
	}

	@Test
	void writesAHeaderWithNoModificationTimeAndNoFileName() throws IOException {
		byte[] gzip = gzip(CSS);
		assertThat(Arrays.copyOfRange(gzip, 0, 3)).as("magic and deflate").containsExactly(0x1f, 0x8b, 8);
		assertThat(gzip[3]).as("flags: no name, comment or extra field").isZero();
		assertThat(Arrays.copyOfRange(gzip, 4, 8)).as("modification time").containsOnly(0);
	}

	@Test
	void decompressesToExactlyWhatWasWritten() throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip(CSS)))) {
			assertThat(in.readAllBytes()).isEqualTo(CSS);
		}
	}

	@Test
	void compressesTheWholeStreamAtTheHighestLevel() throws IOException {
		byte[] gzip = gzip(CSS);
		byte[] body = Arrays.copyOfRange(gzip, 10, gzip.length - 8);
		assertThat(body).isEqualTo(deflate(CSS, Deflater.BEST_COMPRESSION))
			.hasSizeLessThan(deflate(CSS, Deflater.DEFAULT_COMPRESSION).length);
	}

	private static byte[] deflate(byte[] content, int level) {
		Deflater deflater = new Deflater(level, true);
		try {
			deflater.setInput(content);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

}
