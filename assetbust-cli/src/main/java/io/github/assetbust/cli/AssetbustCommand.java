package io.github.assetbust.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar assetbust-cli.jar}: the top-level command, which only dispatches to
 * {@code build}, {@code check}, {@code clean} and {@code publish}. Exit codes: 0 ok, 1 problems found or the work
 * failed, 2 bad usage.
 */
@Command(name = "assetbust", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		subcommands = { BuildCommand.class, CheckCommand.class, CleanCommand.class, PublishCommand.class },
		synopsisSubcommandLabel = "(build | check | clean | publish)",
		description = { "Gives every static asset a content-hashed copy and writes a manifest from original to "
				+ "hashed path, so hashed URLs can be cached forever." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar assetbust-cli.jar build --root /var/www/html",
				"  java -jar assetbust-cli.jar check --root /var/www/html",
				"  java -jar assetbust-cli.jar publish --root /var/www/html --to s3://assets/site",
				"  java -jar assetbust-cli.jar build --help" },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:ok", "1:problems found, or the work failed",
				"2:bad usage: unknown or invalid option, missing --root" })
public final class AssetbustCommand implements Runnable {

	/** Exit code of a command that found problems or failed. */
	static final int PROBLEMS = 1;

	/** Exit code of a command line that makes no sense. */
	static final int USAGE = 2;

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing a command: build, check, clean or publish");
	}

	/** A command line ready to execute, with the CLI's error handling and defaults. */
	static CommandLine commandLine() {
		return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	static CommandLine commandLine(PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new AssetbustCommand());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setDefaultValueProvider(new CoreDefaults());
		commandLine.setParameterExceptionHandler(Errors::usage);
		commandLine.setExecutionExceptionHandler(Errors::failure);
		IExecutionStrategy runLast = new RunLast();
		commandLine.setExecutionStrategy((parseResult) -> {
			try {
				return runLast.execute(parseResult);
			}
			catch (Error ex) {
				return Errors.fatal(ex, parseResult);
			}
		});
		return commandLine;
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

}
