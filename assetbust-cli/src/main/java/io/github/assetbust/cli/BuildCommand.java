package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code build}: hash the tree, rewrite references, write the manifest, remove stale copies. */
@Command(name = "build", sortOptions = false,
		description = { "Writes a content-hashed copy of every asset beside it (css/main.css -> "
				+ "css/main-<digest>.css), points references inside CSS and JavaScript at the hashed copies, "
				+ "writes the manifest atomically, then removes hashed copies no kept generation needs.",
				"Unchanged files are not rewritten. Ends with a one-line summary on stdout. A reference to a "
						+ "missing file or out of DIR is a warning on stderr (an error with --strict)." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar assetbust-cli.jar build --root /var/www/html",
				"  java -jar assetbust-cli.jar build --root site --strict --include 'css/**'",
				"  java -jar assetbust-cli.jar build --root site --reproducible --threads 1",
				"  java -jar assetbust-cli.jar build --root /var/www/html --compress gzip,br" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:built", "1:the build failed; the previous manifest is still in place",
				"2:bad usage" })
final class BuildCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Mixin
	private TreeOptions tree;

	@Option(names = "--include", paramLabel = "GLOB", order = 10, converter = Converters.GlobPattern.class,
			description = "Hash only files matching GLOB, relative to DIR (** crosses folders, {a,b} is either). "
					+ "Repeatable. Default: **/*")
	private List<String> includes;

	@Option(names = "--exclude", paramLabel = "GLOB", order = 11, converter = Converters.GlobPattern.class,
			description = "Leave files and folders matching GLOB alone. Repeatable. Default: '.*' '**/.*' "
					+ "'**/*.scss' (dotfiles, Sass sources); giving --exclude replaces the default.")
	private List<String> excludes;

	@Option(names = "--algorithm", paramLabel = "md5|sha256", order = 12, converter = Converters.Algorithm.class,
			description = "The digest in hashed names (full length). Default: ${DEFAULT-VALUE}.")
	private DigestAlgorithm algorithm;

	@Mixin
	private RetentionOptions retention;

	@Option(names = "--reproducible", order = 30,
			description = "Leave the build time out of the manifest, so the same input gives byte-identical output.")
	private boolean reproducible;

	@Option(names = "--compress", paramLabel = "gzip,br", hideParamSyntax = true, order = 33, split = ",",
			converter = Converters.CompressionName.class,
			description = "Also write precompressed variants beside each hashed copy of a text file or uncompressed "
					+ "font (css/main-<digest>.css.gz, .br), each only if smaller than the copy. Default: none.")
	private List<Compression> compress;

	private int brotliQuality;

	@Option(names = "--brotli-quality", paramLabel = "0-11", order = 34,
			description = "How hard Brotli works on .br variants: 11 is the densest and many times slower. "
					+ "Default: ${DEFAULT-VALUE}.")
	void setBrotliQuality(int brotliQuality) {
		if (brotliQuality < 0 || brotliQuality > 11) {
			throw new ParameterException(this.spec.commandLine(),
					"Invalid value for option '--brotli-quality': " + brotliQuality + " is not between 0 and 11");
		}
		this.brotliQuality = brotliQuality;
	}

	@Option(names = "--strict", order = 31,
			description = "Fail, writing nothing, if a CSS or JavaScript reference points at a missing file or "
					+ "outside DIR.")
	private boolean strict;

	private int threads;

	@Option(names = "--threads", paramLabel = "N", order = 32,
			description = "How many files to hash at once. Default: ${DEFAULT-VALUE} (one per core).")
	void setThreads(int threads) {
		if (threads < 1) {
			throw new ParameterException(this.spec.commandLine(),
					"Invalid value for option '--threads': " + threads + " is less than 1: a build needs a thread");
		}
		this.threads = threads;
	}

	@Override
	public Integer call() {
		BuildOptions options = this.tree.buildOptions()
			.withAlgorithm(this.algorithm)
			.withRetention(this.retention.retention())
			.withReproducible(this.reproducible)
			.withStrict(this.strict)
			.withThreads(this.threads)
			.withBrotliQuality(this.brotliQuality);
		if (this.compress != null) {
			options = options.withCompress(EnumSet.copyOf(this.compress));
		}
		if (this.includes != null) {
			options = options.withIncludes(this.includes);
		}
		if (this.excludes != null) {
			options = options.withExcludes(this.excludes);
		}
		PrintWriter err = this.spec.commandLine().getErr();
		ProgressLine progress = ProgressLine.forTerminal(err);
		BuildResult result;
		try {
			result = new AssetBuilder(options).onProgress(progress).build();
		}
		finally {
			progress.finish();
		}
		this.spec.commandLine().getOut().println(result.summary());
		return 0;
	}

}
