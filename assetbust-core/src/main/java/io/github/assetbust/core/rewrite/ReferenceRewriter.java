package io.github.assetbust.core.rewrite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.reference.TextBytes;

/**
 * Rewrites one planned asset: its content with every reference pointing at the hashed copy of its
 * target, streamed from the file. Since the rewritten bytes are the bytes that get digested, a
 * file's name changes whenever anything it references changes, through any number of imports.
 */
public final class ReferenceRewriter {

	private final Path root;

	/** @param root the asset root, already resolved to its real path */
	public ReferenceRewriter(Path root) {
		this.root = root;
	}

	/**
	 * Writes the content of {@code text} to {@code out} with every reference pointing at its
	 * target's hashed copy, reading the file again as it goes.
	 * @param hashedPathOf the hashed copy of an asset already built, {@code null} for others
	 * @throws AssetbustException if the file changed since it was planned, so that its references
	 * are no longer where the plan found them
	 */
	public void rewrite(AssetToRewrite text, Function<AssetPath, AssetPath> hashedPathOf, OutputStream out)
			throws IOException {
		TextBytes content = TextBytes.read(text.path().resolveAgainst(this.root));
		if (!content.stamp().equals(text.stamp())) {
			throw new AssetbustException(text.path() + " in " + this.root
					+ " changed while it was being built, so its references may have moved; build again");
		}
		int written = 0;
		for (AssetToRewrite.Link link : text.references()) {
			AssetPath hashed = hashedPathOf.apply(link.target().path());
			if (hashed == null) {
				throw new IllegalStateException("Asset " + link.target().path() + " was not hashed before " + text.path());
			}
			content.writeTo(out, written, link.reference().start());
			out.write(link.target().rewrittenTo(hashed).getBytes(StandardCharsets.ISO_8859_1));
			written = link.reference().end();
		}
		content.writeTo(out, written, content.length());
	}

}
