package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells one version of a file from the next without reading it: its size, modification time
 * and inode. A rename always brings another inode, so even two versions written within one clock
 * tick are told apart. The build cache, the reloading manifest and dynamic mode's digests all ask
 * this one rule.
 */
public final class FileStamp {

	private FileStamp() {
	}

	/** The stamp of the file {@code attributes} describe. */
	public static String of(BasicFileAttributes attributes) {
		return attributes.size() + "/" + attributes.lastModifiedTime().toInstant() + "/" + attributes.fileKey();
	}

	/** The stamp of {@code file} (a link is not followed); {@code null} if it cannot be read. */
	public static String of(Path file) {
		try {
			return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			return null;
		}
	}

}
