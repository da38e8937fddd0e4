package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What tells one version of a file from the next without reading it: its size, modification time
 * and inode. A rename always brings another inode, so even two versions written within one clock
 * tick are told apart. The build cache, the reloading manifest and dynamic mode's digests all ask
 * this one rule.
 */
public final class FileStamp {

	private FileStamp() {
	}

	/**
	 * The stamp of the file {@code attributes} describe. The time is in nanoseconds, not an ISO
	 * instant: every scanned file gets a stamp, and formatting instants was a tenth of a no-change
	 * build in a cold JVM.
	 */
	public static String of(BasicFileAttributes attributes) {
		return attributes.size() + "/" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/"
				+ attributes.fileKey();
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
