package io.github.assetbust.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code assetbust} launcher script as a user runs it: from the checkout (the jar in
 * {@code target/}) and from a folder it shares with the jar, with the tests' JVM as
 * {@code JAVA_HOME}.
 */
class LauncherIT {

	private static final Path LAUNCHER = Cli.JAR.getParent().resolveSibling("assetbust");

	private static final String JAVA_HOME = Path.of(Cli.JAVA).getParent().getParent().toString();

	@TempDir
	Path work;

	private Cli.Run launch(Path launcher, String javaOptions, String... args) {
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(args));
		Map<String, String> environment = (javaOptions != null)
				? Map.of("JAVA_HOME", JAVA_HOME, "JAVA_OPTS", javaOptions) : Map.of("JAVA_HOME", JAVA_HOME);
		return Cli.start(this.work, command, environment).finish(Duration.ofSeconds(60));
	}

	@Test
	void buildsARootWhoseNameHasASpaceAsTheJarDoes() throws IOException {
		Trees.write(this.work.resolve("my site"),
				Map.of("css/main.css", "body { color: red }\n".getBytes(StandardCharsets.UTF_8)));

		Cli.Run run = launch(LAUNCHER, null, "build", "--root", "my site").exits(0);

		assertThat(run.out()).contains("1 asset hashed (1 copy written, 0 unchanged)");
		assertThat(Files.readString(this.work.resolve("my site/asset-manifest.json")))
			.contains("\"css/main.css\"");
	}

	@Test
	void compilesWithC1OnlyUnlessJavaOptsSaysOtherwise() {
		assertThat(launch(LAUNCHER, "-XX:+PrintFlagsFinal", "--help").exits(0).out())
			.containsPattern("TieredStopAtLevel\\s+= 1 ");
		assertThat(launch(LAUNCHER, "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4", "--help").exits(0).out())
			.containsPattern("TieredStopAtLevel\\s+= 4 ");
	}

	@Test
	void runsTheJarBesideItWhenBothAreCopiedSomewhereElse() throws IOException {
		Path bin = Files.createDirectories(this.work.resolve("opt/assetbust"));
		Files.copy(LAUNCHER, bin.resolve("assetbust"));
		Files.copy(Cli.JAR, bin.resolve("assetbust-cli.jar"));

		assertThat(launch(bin.resolve("assetbust"), null, "--help").exits(0).out()).contains("Usage: assetbust");
	}

	@Test
	void withoutAJarSaysHowToBuildOne() throws IOException {
		Path bin = Files.createDirectories(this.work.resolve("bin"));
		Files.copy(LAUNCHER, bin.resolve("assetbust"));

		Cli.Run run = launch(bin.resolve("assetbust"), null, "--help").exits(2);

		assertThat(run.err()).isEqualTo("assetbust: no assetbust-cli.jar in " + bin.toRealPath() + " or "
				+ bin.toRealPath() + "/target; build it with ./mvnw -q -DskipTests package\n");
	}

}
