package io.github.assetbust.core.path;

import java.nio.charset.StandardCharsets;

/** The longest file name common file systems take (ext4, XFS, APFS, NTFS): 255 bytes. */
public final class NameLength {

	/** In bytes of UTF-8, as the file systems count. */
	public static final int MAX_BYTES = 255;

	private NameLength() {
	}

	/** The length of {@code name} as a file system counts it. */
	public static int of(String name) {
		return name.getBytes(StandardCharsets.UTF_8).length;
	}

	/** Whether a file may be named {@code name}. */
	public static boolean fits(String name) {
		return of(name) <= MAX_BYTES;
	}

}
