package io.github.assetbust.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import io.github.assetbust.core.path.AssetPath;

/**
 * Subresource Integrity values ({@code sha384-<base64>}). Browsers check them only on stylesheets
 * and scripts, so only those get one: SHA-384 costs more than the name digest, and hashing every
 * image and font with it would double the work of a build for values no browser reads.
 */
public final class Integrity {

	private static final Set<String> CHECKED_EXTENSIONS = Set.of("css", "js", "mjs");

	private Integrity() {
	}

	/** Whether a browser checks the integrity of {@code path}: a stylesheet or a script. */
	public static boolean appliesTo(AssetPath path) {
		return CHECKED_EXTENSIONS.contains(path.extension().toLowerCase(Locale.ROOT));
	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-384");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime must provide SHA-384", ex);
		}
	}

	static String valueOf(MessageDigest digest) {
		return "sha384-" + Base64.getEncoder().encodeToString(digest.digest());
	}

}
