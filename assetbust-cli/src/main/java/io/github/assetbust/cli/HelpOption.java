package io.github.assetbust.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option every command takes, listed last. */
final class HelpOption {

	@Option(names = { "-h", "--help" }, usageHelp = true, order = 99, description = "Show this help and exit.")
	private boolean help;

}
