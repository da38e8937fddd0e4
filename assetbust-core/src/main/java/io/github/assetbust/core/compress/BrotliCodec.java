package io.github.assetbust.core.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;

/**
 * Brotli through brotli4j, which is an optional dependency: only a build that writes {@code .br}
 * variants (or a check that reads them) needs it, a server that merely serves them does not. This
 * class tells whether it is there and usable without touching it; {@link Brotli4j} is the only
 * class that uses its API, and is loaded only once it is known to be there.
 */
final class BrotliCodec {

	static final String LIBRARY = "com.aayushatharva.brotli4j:brotli4j";

	private BrotliCodec() {
	}

	/** Whether Brotli can be written and read here. */
	static boolean isAvailable() {
		return Availability.PROBLEM == null;
	}

	/** @throws AssetbustException saying what is missing and what to add, if Brotli cannot be used */
	static void requireAvailable() {
		if (Availability.PROBLEM != null) {
			throw new AssetbustException(Availability.PROBLEM);
		}
	}

	static OutputStream compressing(OutputStream out, AssetPath path, long size, int quality) throws IOException {
		requireAvailable();
		return Brotli4j.compressing(out, path, size, quality);
	}

	static InputStream decompressing(InputStream in) throws IOException {
		requireAvailable();
		return Brotli4j.decompressing(in);
	}

	/**
	 * The brotli4j artifact holding the native library for this platform, as brotli4j names them:
	 * {@code native-linux-x86_64}, {@code native-osx-aarch64}, {@code native-windows-x86_64}.
	 */
	static String nativeArtifact(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String family = os.startsWith("windows") ? "windows" : (os.startsWith("mac") ? "osx" : os.replace(' ', '-'));
		String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64" -> "x86_64";
			case "arm64", "aarch64" -> "aarch64";
			case "arm" -> "armv7";
			default -> osArch;
		};
		return "com.aayushatharva.brotli4j:native-" + family + "-" + arch;
	}

	/** Looked at once, on first use: loading a native library is for the life of the JVM anyway. */
	private static final class Availability {

		static final String PROBLEM = problem();

		private static String problem() {
			try {
				Class.forName("com.aayushatharva.brotli4j.Brotli4jLoader", false, BrotliCodec.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return "Brotli compression (br) needs " + LIBRARY + " on the class path, and it is not there: add it "
						+ "as a dependency (Maven adds the native library for the build machine with it), or leave br "
						+ "out of the compressions";
			}
			Throwable cause = Brotli4j.unavailabilityCause();
			if (cause == null) {
				return null;
			}
			String os = System.getProperty("os.name");
			String arch = System.getProperty("os.arch");
			return "Cannot load Brotli's native library for " + os + " " + arch + " (" + describe(cause) + "): add "
					+ nativeArtifact(os, arch) + " (the version of " + LIBRARY + ") to the class path, or point the "
					+ "system property brotli4j.library.path at a libbrotli built for this platform, or leave br out of "
					+ "the compressions";
		}

		private static String describe(Throwable cause) {
			StringBuilder text = new StringBuilder(String.valueOf(cause.getMessage()));
			for (Throwable inner = cause.getCause(); inner != null && inner != inner.getCause(); inner = inner.getCause()) {
				text.append(": ").append(inner.getMessage());
			}
			return text.toString();
		}

	}

}
