package io.github.assetbust.web;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;

import org.springframework.core.io.DescriptiveResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A file that {@link AssetRoot}'s rule allows, whose siblings are looked up under the same rule:
 * Spring finds a precompressed variant with {@code createRelative(name + ".br")} and serves it if
 * it exists, which, for a plain file resource, would follow a link planted in its place.
 */
final class RootedFileResource extends FileSystemResource {

	private final AssetRoot root;

	private final AssetPath path;

	private RootedFileResource(AssetRoot root, AssetPath path) {
		super(path.resolveAgainst(root.path()));
		this.root = root;
		this.path = path;
	}

	/** The file at {@code path} under {@code root}, or {@code null} if the rule refuses it. */
	static RootedFileResource of(AssetRoot root, AssetPath path) {
		return (root.file(path) != null) ? new RootedFileResource(root, path) : null;
	}

	@Override
	public Resource createRelative(String relativePath) {
		try {
			AssetPath sibling = AssetPath.of(this.path.folder() + relativePath);
			RootedFileResource found = of(this.root, sibling);
			return (found != null) ? found : new DescriptiveResource(sibling + " (not a file the asset rule allows)");
		}
		catch (RuntimeException ex) {
			return new DescriptiveResource(relativePath + " (not a path under the asset root)");
		}
	}

}
