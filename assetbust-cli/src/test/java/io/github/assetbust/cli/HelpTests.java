package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import io.github.assetbust.core.Durations;
import io.github.assetbust.core.build.BuildOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The help states core's defaults, the ones the CLI does not take from core at run time included. */
class HelpTests {

	@Test
	void buildHelpStatesCoreDefaults() {
		String help = help("build", "--help");
		BuildOptions defaults = BuildOptions.forRoot(Path.of("site"));

		assertThat(help).contains("Default: DIR/" + BuildOptions.DEFAULT_MANIFEST_NAME)
			.contains("Default: " + String.join(" ", defaults.includes()))
			.contains("Default: " + String.join(" ", defaults.excludes().stream().map((glob) -> "'" + glob + "'").toList()))
			.contains("Default: " + defaults.algorithm().id() + ".")
			.contains("Default: " + defaults.retention().keep() + ".")
			.contains("Default: " + Durations.format(defaults.retention().maxAge()) + ".")
			.contains("Default: " + defaults.threads() + " (one per core)");
	}

	private static String help(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = AssetbustCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
		assertThat(exitCode).isZero();
		assertThat(err.toString()).isEmpty();
		return out.toString().replaceAll("\\s+", " ");
	}

}
