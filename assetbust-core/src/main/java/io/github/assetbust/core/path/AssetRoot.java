package io.github.assetbust.core.path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import io.github.assetbust.core.AssetbustException;

/**
 * The one rule for what is inside an asset root, asked by everything that reads, serves, checks
 * or deletes a file under it: a regular file (not a link, not a folder), reached through no link
 * that leads out of the root, with no hidden segment (dotfiles, the build's own state and lock
 * among them) and a name the file system's encoding can decode.
 */
public final class AssetRoot {

	/** Why a path is not a file inside the root. */
	public enum Refusal {

		/** A segment starts with a dot: dotfiles, the build's state and lock among them, are never assets. */
		HIDDEN("it is hidden (a dotfile), and dotfiles are never assets"),

		/** The name holds bytes the file system's encoding cannot decode. */
		UNDECODABLE("its name is not valid in the file system's encoding (" + System.getProperty("sun.jnu.encoding",
				"unknown") + "); rename it"),

		/** Nothing is there. */
		MISSING("it does not exist"),

		/** A folder, a symbolic link (never followed) or a special file. */
		NOT_A_FILE("it is not a regular file but a folder, a device or a symbolic link (never followed)"),

		/** A folder on the way is a link that leads out of the root. */
		OUTSIDE("it is reached through a link out of the asset root");

		private final String reason;

		Refusal(String reason) {
			this.reason = reason;
		}

		/** Why, as the end of a sentence: "it does not exist". */
		public String reason() {
			return this.reason;
		}

	}

	private final Path path;

	private AssetRoot(Path path) {
		this.path = path;
	}

	/**
	 * The root at {@code path}, which must be an existing folder; resolved to its real path, so a
	 * root the user named through a link (a release folder behind "current") is trusted.
	 * @throws AssetbustException if it does not exist or is not a folder
	 */
	public static AssetRoot existing(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (!Files.exists(absolute)) {
			throw new AssetbustException("Asset root " + absolute + " does not exist");
		}
		if (!Files.isDirectory(absolute)) {
			throw new AssetbustException("Asset root " + absolute + " is not a folder");
		}
		try {
			return new AssetRoot(absolute.toRealPath());
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot resolve asset root " + absolute + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The root at {@code path} as a server sees it: it may not exist yet, and where it leads is
	 * looked up at every question, so a "current" link switched by a deploy is followed.
	 */
	public static AssetRoot serving(Path path) {
		return new AssetRoot(path.toAbsolutePath().normalize());
	}

	public Path path() {
		return this.path;
	}

	/** Why no file with this name can be an asset, whatever is on disk; {@code null} if one can. */
	public static Refusal refusedName(AssetPath path) {
		String value = path.toString();
		if (value.startsWith(".") || value.contains("/.")) {
			return Refusal.HIDDEN;
		}
		// the file system hands an undecodable name over with U+FFFD in it, which resolves to nothing
		return (value.indexOf('\uFFFD') >= 0) ? Refusal.UNDECODABLE : null;
	}

	/**
	 * Why {@code path} is not a file inside this root; {@code null} if it is one. What is on disk
	 * comes first: a dotfile that exists is {@link Refusal#HIDDEN}, one that does not is
	 * {@link Refusal#MISSING}, and a link out of the root is {@link Refusal#OUTSIDE} wherever it is.
	 */
	public Refusal refusal(AssetPath path) {
		Path file = path.resolveAgainst(this.path);
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			Path root = this.path.toRealPath();
			if (!attributes.isRegularFile()) {
				return (attributes.isSymbolicLink() && !isInside(file, root)) ? Refusal.OUTSIDE : Refusal.NOT_A_FILE;
			}
			if (!file.getParent().toRealPath().startsWith(root)) {
				return Refusal.OUTSIDE;
			}
		}
		catch (IOException ex) {
			return Refusal.MISSING;
		}
		return refusedName(path);
	}

	/** Whether {@code file}, every link on the way followed, is under {@code root}; a dangling link is. */
	private static boolean isInside(Path file, Path root) {
		try {
			return file.toRealPath().startsWith(root);
		}
		catch (IOException ex) {
			return true;
		}
	}

	/** The regular file at {@code path} inside this root, or {@code null} if the rule refuses it. */
	public Path file(AssetPath path) {
		return (refusal(path) == null) ? path.resolveAgainst(this.path) : null;
	}

	/** The regular file at {@code path}, a root-relative path as a URL spells it once decoded; {@code null} if refused. */
	public Path file(String path) {
		try {
			return file(AssetPath.of(path));
		}
		catch (InvalidAssetPathException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
