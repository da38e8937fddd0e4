package io.github.assetbust.core.path;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A normalised path relative to the asset root: {@code /}-separated, no leading {@code /}, no
 * {@code .} or {@code ..} segments, never escaping the root. The only form in which paths cross
 * module boundaries, so that every key, manifest value and file lookup agrees on one spelling.
 */
public final class AssetPath implements Comparable<AssetPath> {

	private final String value;

	private AssetPath(String value) {
		this.value = value;
	}

	/**
	 * Normalises {@code path}, accepting a leading {@code /} and {@code ./} or inner {@code ..}
	 * segments that stay inside the root.
	 * @throws InvalidAssetPathException if the path is empty, escapes the root, or holds a
	 * backslash or control character
	 */
	public static AssetPath of(String path) {
		if (path == null || path.isEmpty()) {
			throw new InvalidAssetPathException(path, "it is empty");
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '\\') {
				throw new InvalidAssetPathException(path, "it contains a backslash");
			}
			if (c < 0x20 || c == 0x7f) {
				throw new InvalidAssetPathException(path, "it contains a control character");
			}
		}
		if (isNormalised(path)) {
			return new AssetPath(path);
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				if (segments.isEmpty()) {
					throw new InvalidAssetPathException(path, "it escapes the asset root");
				}
				segments.removeLast();
			}
			else {
				segments.addLast(segment);
			}
		}
		if (segments.isEmpty()) {
			throw new InvalidAssetPathException(path, "it names the root itself, not a file");
		}
		return new AssetPath(String.join("/", segments));
	}

	/**
	 * Whether {@code path} is already in normal form: no leading, trailing or doubled {@code /} and
	 * no {@code .} or {@code ..} segment. Manifests hold thousands of such paths, which then need no
	 * splitting.
	 */
	private static boolean isNormalised(String path) {
		int segmentStart = 0;
		for (int i = 0; i <= path.length(); i++) {
			if (i == path.length() || path.charAt(i) == '/') {
				int length = i - segmentStart;
				if (length == 0 || (length <= 2 && isDots(path, segmentStart, length))) {
					return false;
				}
				segmentStart = i + 1;
			}
		}
		return true;
	}

	private static boolean isDots(String path, int start, int length) {
		return path.charAt(start) == '.' && (length == 1 || path.charAt(start + 1) == '.');
	}

	/** The path of {@code file} relative to {@code root}; both must be normalised already. */
	public static AssetPath relative(Path root, Path file) {
		Path relative = root.relativize(file);
		StringBuilder joined = new StringBuilder();
		for (Path segment : relative) {
			if (!joined.isEmpty()) {
				joined.append('/');
			}
			joined.append(segment);
		}
		return of(joined.toString());
	}

	/** The file for this path under {@code root}; never outside it, since the path cannot escape. */
	public Path resolveAgainst(Path root) {
		return root.resolve(this.value);
	}

	/** The last segment: {@code main.css} for {@code css/main.css}. */
	public String fileName() {
		return this.value.substring(this.value.lastIndexOf('/') + 1);
	}

	/** The folder part with its trailing {@code /}, or an empty string at the root. */
	public String folder() {
		return this.value.substring(0, this.value.lastIndexOf('/') + 1);
	}

	/** The extension without the dot ({@code css}), or an empty string when there is none. */
	public String extension() {
		String name = fileName();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1) : "";
	}

	/** A sibling of this path with another file name. */
	public AssetPath withFileName(String fileName) {
		return of(folder() + fileName);
	}

	/**
	 * Where a bare name is looked for when no asset has it as its path: under the folder named
	 * after its extension, {@code css/main.css} for {@code main.css}; {@code null} without an
	 * extension. The inverse of {@link #withoutExtensionFolder()}.
	 */
	public AssetPath inExtensionFolder() {
		String extension = extension();
		return extension.isEmpty() ? null : new AssetPath(extension + "/" + this.value);
	}

	/**
	 * The bare name this path answers to: {@code main.css} for {@code css/main.css}; {@code null}
	 * when the path is not under the folder named after its extension.
	 */
	public String withoutExtensionFolder() {
		String path = this.value;
		int dot = path.lastIndexOf('.');
		int extension = path.length() - dot - 1;
		// in place, without the substrings extension() makes: it runs for every entry of a manifest
		if (dot <= path.lastIndexOf('/') + 1 || extension == 0 || path.length() <= extension + 1
				|| path.charAt(extension) != '/' || !path.regionMatches(0, path, dot + 1, extension)) {
			return null;
		}
		return path.substring(extension + 1);
	}

	@Override
	public int compareTo(AssetPath other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof AssetPath that) && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
