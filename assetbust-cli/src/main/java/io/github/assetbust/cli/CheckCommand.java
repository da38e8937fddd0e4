package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.assetbust.core.Counts;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.check.AssetChecker.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check}: verify a built tree against its manifest, changing nothing. */
@Command(name = "check", sortOptions = false,
		description = { "Verifies a built tree without changing it: every manifest entry's hashed copy exists and "
				+ "has the digest its name claims, and every local reference inside a hashed CSS or JavaScript "
				+ "file resolves to a file that exists, and every precompressed variant (.gz, .br) beside a hashed "
				+ "copy decompresses to exactly the copy's bytes.",
				"Prints 'ok: ...' on stdout, or each problem on a line of its own (naming the file, and the line "
						+ "for references) and their count on stderr." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar assetbust-cli.jar check --root /var/www/html" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every check passed", "1:problems found, or no manifest", "2:bad usage" })
final class CheckCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Mixin
	private TreeOptions tree;

	@Override
	public Integer call() {
		Path manifest = this.tree.manifest();
		CheckResult result = AssetChecker.check(this.tree.root(), manifest);
		PrintWriter out = this.spec.commandLine().getOut();
		if (result.ok()) {
			String entries = Counts.of(result.entries(), "manifest entry", "manifest entries");
			String references = Counts.of(result.references(), "reference", "references");
			String checked = (result.variants() == 0) ? entries + " and " + references
					: entries + ", " + references + " and "
							+ Counts.of(result.variants(), "compressed variant", "compressed variants");
			out.println("ok: " + checked + " checked against " + manifest);
			return 0;
		}
		result.problems().forEach(out::println);
		int count = result.problems().size();
		this.spec.commandLine()
			.getErr()
			.println(Errors.PREFIX + Counts.of(count, "problem", "problems") + " found checking " + manifest);
		return AssetbustCommand.PROBLEMS;
	}

}
