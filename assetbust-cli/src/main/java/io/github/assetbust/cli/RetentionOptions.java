package io.github.assetbust.cli;

import java.time.Duration;

import io.github.assetbust.core.retention.Retention;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code [--keep N] [--max-age DURATION]}: which earlier hashed copies build and clean keep. */
final class RetentionOptions {

	@Spec(Spec.Target.MIXEE)
	private CommandSpec command;

	private int keep;

	@Option(names = "--max-age", paramLabel = "DURATION", order = 21, converter = DurationConverter.class,
			description = "Also keep every hashed copy younger than this: 90s, 30m, 1h, 2d, or ISO-8601 such as PT1H. "
					+ "Default: ${DEFAULT-VALUE}.")
	private Duration maxAge;

	@Option(names = "--keep", paramLabel = "N", order = 20,
			description = "How many previous generations of hashed copies to keep for servers still handing out "
					+ "older pages. Default: ${DEFAULT-VALUE}.")
	void setKeep(int keep) {
		if (keep < 0) {
			throw new ParameterException(this.command.commandLine(),
					"Invalid value for option '--keep': " + keep + " is negative: keep 0 or more generations");
		}
		this.keep = keep;
	}

	Retention retention() {
		return new Retention(this.keep, this.maxAge);
	}

}
