package io.github.assetbust.core.compress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip at the highest level, with a header that carries no modification time and no file name
 * (what the JDK writes), so the same input gives the same bytes on every build.
 */
final class ReproducibleGzipOutputStream extends GZIPOutputStream {

	private static final int BUFFER = 64 * 1024;

	ReproducibleGzipOutputStream(OutputStream out) throws IOException {
		super(out, BUFFER);
		// the deflater has seen no input yet, so the level applies to the whole stream
		this.def.setLevel(Deflater.BEST_COMPRESSION);
	}

}
