package io.github.assetbust.core.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import io.github.assetbust.core.path.AssetPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears away the temporary files of writes that were cut short (a build killed half-way), so a
 * new build recovers without manual cleanup. Called under the build lock, when no other build can
 * be writing; only files named like this tool's temporary files are touched.
 */
public final class Leftovers {

	private static final Logger logger = LoggerFactory.getLogger(Leftovers.class);

	private Leftovers() {
	}

	/**
	 * @param root the asset root
	 * @param inRoot leftovers the scan found under the root
	 * @param ownFiles files the build writes outside the assets (manifest, state), whose own
	 * leftovers sit beside them
	 */
	public static void remove(Path root, List<AssetPath> inRoot, Path... ownFiles) {
		inRoot.forEach((leftover) -> delete(leftover.resolveAgainst(root)));
		for (Path own : ownFiles) {
			Path folder = own.getParent();
			String prefix = "." + own.getFileName() + ".";
			try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder,
					(path) -> isTempOf(path, prefix))) {
				siblings.forEach(Leftovers::delete);
			}
			catch (NoSuchFileException ex) {
				// nothing was ever written there
			}
			catch (IOException ex) {
				logger.warn("Cannot look for leftover temporary files in {}: {}", folder, ex.getMessage());
			}
		}
	}

	private static boolean isTempOf(Path path, String prefix) {
		String name = path.getFileName().toString();
		return name.startsWith(prefix) && name.endsWith(AtomicFiles.TEMP_SUFFIX);
	}

	private static void delete(Path leftover) {
		try {
			if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
				Files.delete(leftover);
				logger.info("Removed {}, left over from an interrupted build", leftover);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot remove leftover temporary file {}: {}", leftover, ex.getMessage());
		}
	}

}
