package io.github.assetbust.core.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.Glob;
import io.github.assetbust.core.path.InvalidAssetPathException;

/**
 * Finds the files under an asset root that include/exclude globs select and {@link AssetRoot}'s
 * rule allows. Symbolic links and undecodable names are reported and passed over, so nothing
 * outside the root is read and one odd name does not stop a build; dotfiles are never assets, and
 * hidden or excluded folders are not entered at all.
 */
public final class AssetScanner {

	private final List<Glob> includes;

	private final List<Glob> excludes;

	public AssetScanner(List<String> includes, List<String> excludes) {
		this.includes = includes.stream().map(Glob::of).toList();
		this.excludes = excludes.stream().map(Glob::of).toList();
	}

	/**
	 * Lists the selected regular files under {@code root}, sorted by path.
	 * @throws AssetbustException if the root does not exist or is not a folder
	 */
	public Scan scan(Path root) {
		Path normalisedRoot = AssetRoot.existing(root).path();
		List<AssetPath> files = new ArrayList<>();
		Map<AssetPath, BasicFileAttributes> attributesOf = new HashMap<>();
		List<Skipped> skipped = new ArrayList<>();
		List<AssetPath> leftovers = new ArrayList<>();
		try {
			Files.walkFileTree(normalisedRoot, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					if (dir.equals(normalisedRoot)) {
						return FileVisitResult.CONTINUE;
					}
					AssetPath folder;
					try {
						folder = AssetPath.relative(normalisedRoot, dir);
					}
					catch (InvalidAssetPathException ex) {
						skipped.add(new Skipped(normalisedRoot.relativize(dir).toString(), ex.getMessage()));
						return FileVisitResult.SKIP_SUBTREE;
					}
					AssetRoot.Refusal refusal = AssetRoot.refusedName(folder);
					if (refusal == AssetRoot.Refusal.UNDECODABLE && !isExcluded(folder)) {
						skipped.add(new Skipped(folder.toString(), refusal.reason()));
					}
					return (refusal != null || isExcluded(folder)) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					AssetPath path;
					try {
						path = AssetPath.relative(normalisedRoot, file);
					}
					catch (InvalidAssetPathException ex) {
						skipped.add(new Skipped(normalisedRoot.relativize(file).toString(), ex.getMessage()));
						return FileVisitResult.CONTINUE;
					}
					if (path.fileName().endsWith(AtomicFiles.TEMP_SUFFIX)) {
						// a write cut short: whatever the globs say, it is ours to clear away
						leftovers.add(path);
						return FileVisitResult.CONTINUE;
					}
					if (!isSelected(path)) {
						return FileVisitResult.CONTINUE;
					}
					AssetRoot.Refusal refusal = AssetRoot.refusedName(path);
					if (refusal == AssetRoot.Refusal.UNDECODABLE) {
						skipped.add(new Skipped(path.toString(), refusal.reason()));
					}
					else if (refusal == AssetRoot.Refusal.HIDDEN) {
						return FileVisitResult.CONTINUE;
					}
					else if (attributes.isSymbolicLink()) {
						skipped.add(new Skipped(path.toString(), "it is a symbolic link, and links are never followed"));
					}
					else if (attributes.isRegularFile()) {
						files.add(path);
						attributesOf.put(path, attributes);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					skipped.add(new Skipped(normalisedRoot.relativize(file).toString(), "it cannot be read: " + ex));
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot scan asset root " + normalisedRoot + ": " + ex.getMessage(), ex);
		}
		Collections.sort(files);
		return new Scan(normalisedRoot, List.copyOf(files), List.copyOf(skipped), List.copyOf(leftovers),
				Collections.unmodifiableMap(attributesOf));
	}

	private boolean isSelected(AssetPath path) {
		return this.includes.stream().anyMatch((glob) -> glob.matches(path)) && !isExcluded(path);
	}

	private boolean isExcluded(AssetPath path) {
		return this.excludes.stream().anyMatch((glob) -> glob.matches(path));
	}

	/**
	 * What a scan found.
	 * @param root the root, as a real path
	 * @param files the files the globs select, sorted
	 * @param skipped files it had to pass over, each with its reason
	 * @param leftovers temporary files of writes that were cut short, in folders the scan entered
	 * @param attributes what the scan read of each selected file (size, times, inode), so that
	 * nobody needs to ask the file system again
	 */
	public record Scan(Path root, List<AssetPath> files, List<Skipped> skipped, List<AssetPath> leftovers,
			Map<AssetPath, BasicFileAttributes> attributes) {
	}

	/**
	 * A file passed over, with the reason.
	 * @param path as the file system spells it, relative to the root
	 * @param reason why; both with control characters escaped, so that a name holding a line break
	 * cannot forge a line of the log
	 */
	public record Skipped(String path, String reason) {

		public Skipped {
			path = ControlCharacters.escape(path);
			reason = ControlCharacters.escape(reason);
		}

		@Override
		public String toString() {
			return "Skipped " + this.path + ": " + this.reason;
		}

	}

}
