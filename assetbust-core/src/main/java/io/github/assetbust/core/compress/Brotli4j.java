package io.github.assetbust.core.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.github.assetbust.core.path.AssetPath;

/**
 * The only class that uses brotli4j's API; see {@link BrotliCodec}, which loads it only once the
 * library is known to be on the class path.
 */
final class Brotli4j {

	/** Brotli's default window, 4 MiB, which every browser decodes. */
	private static final int MAX_WINDOW_BITS = 22;

	private static final int MIN_WINDOW_BITS = 10;

	private static final int BUFFER = 64 * 1024;

	private static final Set<String> FONTS = Set.of("ttf", "otf", "eot");

	private Brotli4j() {
	}

	static Throwable unavailabilityCause() {
		return Brotli4jLoader.isAvailable() ? null : Brotli4jLoader.getUnavailabilityCause();
	}

	/**
	 * @param size how many bytes will be written: a window no larger than the input gives the
	 * same compression with less memory
	 */
	static OutputStream compressing(OutputStream out, AssetPath path, long size, int quality) throws IOException {
		Encoder.Parameters parameters = new Encoder.Parameters().setQuality(quality)
			.setWindow(windowBits(size))
			.setMode(FONTS.contains(path.extension().toLowerCase(Locale.ROOT)) ? Encoder.Mode.FONT : Encoder.Mode.TEXT);
		return new BrotliOutputStream(out, parameters, BUFFER);
	}

	static InputStream decompressing(InputStream in) throws IOException {
		return new BrotliInputStream(in, BUFFER);
	}

	static int windowBits(long size) {
		int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
		return Math.max(MIN_WINDOW_BITS, Math.min(MAX_WINDOW_BITS, bits));
	}

}
