package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import io.github.assetbust.core.AssetbustException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the CLI reports what went wrong: one {@code assetbust: } line on stderr, never a stack trace
 * for bad input or a failed build. Only a bug (an exception core does not promise) gets its trace,
 * because that is what its report needs.
 */
final class Errors {

	static final String PREFIX = "assetbust: ";

	private Errors() {
	}

	/** A command line that cannot be parsed or makes no sense: the error, the synopsis, where to read more. */
	static int usage(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println(PREFIX + ex.getMessage());
		UnmatchedArgumentException.printSuggestions(ex, err);
		CommandLine.Help help = commandLine.getHelp();
		err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
		err.printf("Try '%s --help' for more information.%n", commandLine.getCommandSpec().qualifiedName());
		err.flush();
		return AssetbustCommand.USAGE;
	}

	/** A command that failed while it ran. */
	static int failure(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		if (ex instanceof AssetbustException || ex instanceof UncheckedIOException) {
			err.println(PREFIX + ex.getMessage());
		}
		else {
			err.println(PREFIX + "unexpected error, please report it with this trace: " + ex);
			ex.printStackTrace(err);
		}
		err.flush();
		return AssetbustCommand.PROBLEMS;
	}

	/**
	 * The JVM gave out while a command ran (core turns one during a build into an
	 * {@link AssetbustException} itself): one line too, saying what to give it, and the manifest is
	 * the one from before, since a command writes it only once its work is done.
	 */
	static int fatal(Error error, ParseResult parseResult) {
		ParseResult command = parseResult;
		while (command.subcommand() != null) {
			command = command.subcommand();
		}
		PrintWriter err = command.commandSpec().commandLine().getErr();
		err.println(PREFIX + AssetbustException.ranOut(error, "running " + command.commandSpec().name(),
				"the manifest is as it was").getMessage());
		err.flush();
		return AssetbustCommand.PROBLEMS;
	}

}
