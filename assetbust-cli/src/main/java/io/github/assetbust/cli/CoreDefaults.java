package io.github.assetbust.cli;

import java.nio.file.Path;

import io.github.assetbust.core.Durations;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.s3.PublishOptions;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults taken from {@link BuildOptions#forRoot} (and {@link PublishOptions} for publish), so
 * the CLI and its {@code --help} say what core does and cannot drift from it. Options without a default here (--manifest, the globs)
 * stay unset and core's value is used.
 */
final class CoreDefaults implements IDefaultValueProvider {

	private static final BuildOptions DEFAULTS = BuildOptions.forRoot(Path.of(""));

	@Override
	public String defaultValue(ArgSpec argSpec) {
		if (!(argSpec instanceof OptionSpec option)) {
			return null;
		}
		if (option.command() != null && option.command().name().equals("publish")
				&& option.longestName().equals("--threads")) {
			// uploads wait on the network, not on the cores
			return String.valueOf(PublishOptions.DEFAULT_THREADS);
		}
		return switch (option.longestName()) {
			case "--algorithm" -> DEFAULTS.algorithm().id();
			case "--keep" -> String.valueOf(DEFAULTS.retention().keep());
			case "--max-age" -> Durations.format(DEFAULTS.retention().maxAge());
			case "--threads" -> String.valueOf(DEFAULTS.threads());
			default -> null;
		};
	}

}
