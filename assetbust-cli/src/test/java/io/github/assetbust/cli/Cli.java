package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a user would, {@code java -jar target/assetbust-cli.jar ...}, with the
 * {@code java} of the JVM running the tests, in a working folder, and captures what it prints.
 */
final class Cli {

	static final Path JAR = Path.of(System.getProperty("assetbust.cli.jar", "target/assetbust-cli.jar"))
		.toAbsolutePath();

	/** The {@code java} of the JVM running the tests. */
	static final String JAVA = ProcessHandle.current()
		.info()
		.command()
		.orElseThrow(() -> new IllegalStateException("Cannot tell which java runs the tests"));

	private Cli() {
	}

	/** Runs the CLI in {@code workingDirectory} and waits for it to exit. */
	static Run run(Path workingDirectory, String... args) {
		return start(workingDirectory, command(args)).finish(Duration.ofSeconds(60));
	}

	/**
	 * The command that runs the CLI with {@code args}: the tests' {@code java}, the fast-start
	 * options, {@code -jar} and the jar.
	 */
	static List<String> command(String... args) {
		return command(List.of(), args);
	}

	/** {@link #command(String...)} with more JVM options (system properties, say) before {@code -jar}. */
	static List<String> command(List<String> jvmOptions, String... args) {
		assertThat(JAR).as("the runnable jar, built by 'package'").isRegularFile();
		List<String> command = new ArrayList<>(List.of(JAVA,
				// short runs: start fast, the options do not change what the CLI does
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", JAR.toString()));
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * Starts {@code command} (usually one {@link #command(String...)} made) in
	 * {@code workingDirectory} without waiting for it; stdout and stderr go to temporary files
	 * until {@link Started#finish} reads them.
	 */
	static Started start(Path workingDirectory, List<String> command) {
		return start(workingDirectory, command, Map.of());
	}

	/** {@link #start(Path, List)} with more environment variables (credentials for publish, say). */
	static Started start(Path workingDirectory, List<String> command, Map<String, String> environment) {
		try {
			Path out = Files.createTempFile("assetbust-cli-", ".out");
			Path err = Files.createTempFile("assetbust-cli-", ".err");
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().putAll(environment);
			Process process = builder.directory(workingDirectory.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			long started = System.nanoTime();
			int jar = command.indexOf(JAR.toString());
			List<String> args = (jar >= 0) ? command.subList(jar + 1, command.size()) : command;
			return new Started(List.copyOf(args), process, started, out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A CLI process started in the background. */
	record Started(List<String> args, Process process, long startedNanos, Path out, Path err) {

		/** How long ago it was started. */
		Duration age() {
			return Duration.ofNanos(System.nanoTime() - this.startedNanos);
		}

		/** Waits up to {@code timeout} for it to exit (killing it if it does not) and reads what it printed. */
		Run finish(Duration timeout) {
			try {
				try {
					if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
						this.process.destroyForcibly().waitFor();
						throw new AssertionError("Timed out after " + timeout + ": " + String.join(" ", this.args)
								+ "\nstdout:\n" + Files.readString(this.out, StandardCharsets.UTF_8) + "\nstderr:\n"
								+ Files.readString(this.err, StandardCharsets.UTF_8));
					}
					return new Run(this.args, this.process.exitValue(), Files.readString(this.out, StandardCharsets.UTF_8),
							Files.readString(this.err, StandardCharsets.UTF_8));
				}
				finally {
					Files.deleteIfExists(this.out);
					Files.deleteIfExists(this.err);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted", ex);
			}
		}

	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	/** What one run printed and how it ended. */
	record Run(List<String> args, int exitCode, String out, String err) {

		/** Asserts the exit code, showing everything the run printed when it is not the expected one. */
		Run exits(int expected) {
			assertThat(this.exitCode).as("exit code of %s%nstdout:%n%s%nstderr:%n%s", this.args, this.out, this.err)
				.isEqualTo(expected);
			assertThat(this.err).as("stderr of %s", this.args).doesNotContain("\tat ", "Exception in thread", "unexpected error");
			return this;
		}

		List<String> outLines() {
			return this.out.lines().toList();
		}

		List<String> errLines() {
			return this.err.lines().toList();
		}

	}

}
