package io.github.assetbust.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.compress.Compression;

/** Small asset roots built by core, for publishing: a stylesheet, a script, an image, a font. */
public final class Sites {

	private Sites() {
	}

	/** Writes the site's sources into {@code root}; {@code version} changes main.css only. */
	public static void write(Path root, int version) {
		try {
			write(root, "css/main.css", "/* v" + version + " */\nbody { background: url(../img/logo.png); }\n"
					+ "@font-face { font-family: icons; src: url(../fonts/icons.ttf); }\n"
					+ "h1 { font-family: icons, serif; }\n".repeat(40));
			write(root, "js/app.js", "console.log('app');\n".repeat(60));
			Random random = new Random(7);
			byte[] png = new byte[2048];
			random.nextBytes(png);
			Files.createDirectories(root.resolve("img"));
			Files.write(root.resolve("img/logo.png"), png);
			write(root, "fonts/icons.ttf", "glyphs ".repeat(300));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Builds {@code root} with core, writing gzip variants: the build publish publishes. */
	public static BuildResult build(Path root) {
		return new AssetBuilder(BuildOptions.forRoot(root).withCompress(Set.of(Compression.GZIP))).build();
	}

	private static void write(Path root, String path, String content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
