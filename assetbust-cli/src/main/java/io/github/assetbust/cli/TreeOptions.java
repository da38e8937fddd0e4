package io.github.assetbust.cli;

import java.nio.file.Path;

import io.github.assetbust.core.build.BuildOptions;
import picocli.CommandLine.Option;

/** {@code --root DIR [--manifest FILE]}, which every command takes. */
final class TreeOptions {

	@Option(names = "--root", required = true, paramLabel = "DIR", order = 0, converter = Converters.NonEmptyPath.class,
			description = "The asset root: the folder whose files are hashed. Nothing outside it is read or "
					+ "written, but a manifest --manifest puts elsewhere.")
	private Path root;

	@Option(names = "--manifest", paramLabel = "FILE", order = 1, converter = Converters.NonEmptyPath.class,
			description = "The manifest. Default: DIR/" + BuildOptions.DEFAULT_MANIFEST_NAME
					+ ". A relative FILE is taken from the current folder.")
	private Path manifest;

	Path root() {
		return this.root.toAbsolutePath();
	}

	Path manifest() {
		return (this.manifest != null) ? this.manifest.toAbsolutePath()
				: root().resolve(BuildOptions.DEFAULT_MANIFEST_NAME);
	}

	/** Core's defaults for this root and manifest. */
	BuildOptions buildOptions() {
		return BuildOptions.forRoot(root()).withManifest(manifest());
	}

}
