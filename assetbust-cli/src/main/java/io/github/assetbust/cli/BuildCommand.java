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
import io.github.assetbust.core.rewrite.ReferenceOutcome;
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
			.withThreads(this.threads);
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
		this.spec.commandLine().getOut().println(summary(result));
		return 0;
	}

	/** One line: files hashed, references rewritten, bytes written, files removed, time. */
	static String summary(BuildResult result) {
		StringBuilder line = new StringBuilder();
		line.append(Words.count(result.manifest().size(), "asset", "assets")).append(" hashed (");
		line.append(Words.count(result.written(), "copy", "copies")).append(" written, ");
		line.append(Words.number(result.unchanged())).append(" unchanged), ");
		line.append(Words.count(result.references().count(ReferenceOutcome.REWRITTEN), "reference", "references"));
		line.append(" rewritten, ").append(Words.count(result.bytesWritten(), "byte", "bytes")).append(" written, ");
		line.append(Words.count(result.removed().size(), "stale copy", "stale copies")).append(" removed, in ");
		line.append(result.duration().toMillis()).append(" ms");
		if (!result.references().problems().isEmpty()) {
			line.append("; ").append(Words.count(result.references().problems().size(), "reference", "references"));
			line.append(" reported");
		}
		if (!result.skipped().isEmpty()) {
			line.append("; ").append(Words.count(result.skipped().size(), "file", "files")).append(" skipped");
		}
		BuildResult.Variants variants = result.variants();
		if (!variants.equals(BuildResult.Variants.NONE)) {
			line.append("; ").append(Words.count(variants.written(), "compressed variant", "compressed variants"));
			line.append(" written (").append(Words.count(variants.bytesWritten(), "byte", "bytes")).append("), ");
			line.append(Words.number(variants.unchanged())).append(" unchanged, ");
			line.append(Words.number(variants.notSmaller())).append(" not smaller than their copy");
		}
		return line.toString();
	}

}
