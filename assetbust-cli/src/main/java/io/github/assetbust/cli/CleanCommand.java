package io.github.assetbust.cli;

import java.util.concurrent.Callable;

import io.github.assetbust.core.Counts;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.retention.AssetCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clean}: remove stale hashed copies under the retention rules, without building. */
@Command(name = "clean", sortOptions = false,
		description = { "Removes hashed copies of earlier builds that no kept generation needs, without building. "
				+ "Only files a build recorded as generated are ever removed; the current manifest's files, the "
				+ "previous --keep generations and anything younger than --max-age stay." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar assetbust-cli.jar clean --root /var/www/html --keep 1 --max-age 30m" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:cleaned", "1:failed: no manifest to protect, or an unreadable record", "2:bad usage" })
final class CleanCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Mixin
	private TreeOptions tree;

	@Mixin
	private RetentionOptions retention;

	@Override
	public Integer call() {
		AssetCleaner.Result result = new AssetBuilder(
				this.tree.buildOptions().withRetention(this.retention.retention()))
			.clean();
		int removed = result.removed().size();
		int kept = result.generations().list().size();
		this.spec.commandLine()
			.getOut()
			.println(Counts.of(removed, "stale copy", "stale copies") + " removed ("
					+ Counts.of(result.bytes(), "byte", "bytes") + " freed), "
					+ Counts.of(kept, "generation", "generations") + " on record");
		return 0;
	}

}
