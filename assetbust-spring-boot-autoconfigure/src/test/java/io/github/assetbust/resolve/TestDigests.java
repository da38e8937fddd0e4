package io.github.assetbust.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Digests straight from the JDK, to check what assetbust computes against. */
public final class TestDigests {

	private TestDigests() {
	}

	public static String md5(byte[] bytes) {
		return HexFormat.of().formatHex(digest("MD5", bytes));
	}

	public static String md5(String content) {
		return md5(content.getBytes(StandardCharsets.UTF_8));
	}

	public static String md5(Path file) throws IOException {
		return md5(Files.readAllBytes(file));
	}

	public static String integrity(byte[] bytes) {
		return "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", bytes));
	}

	public static String integrity(String content) {
		return integrity(content.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] digest(String algorithm, byte[] bytes) {
		try {
			return MessageDigest.getInstance(algorithm).digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
