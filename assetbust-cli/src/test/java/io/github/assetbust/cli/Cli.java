package io.github.assetbust.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as a user would, {@code java -jar target/assetbust-cli.jar ...}, with the
 * {@code java} of the JVM running the tests, in a working folder, and captures what it prints.
 */
final class Cli {

	static final Path JAR = Path.of(System.getProperty("assetbust.cli.jar", "target/assetbust-cli.jar"))
		.toAbsolutePath();

	private static final String JAVA = ProcessHandle.current()
		.info()
		.command()
		.orElseThrow(() -> new IllegalStateException("Cannot tell which java runs the tests"));

	private Cli() {
	}

	/** Runs the CLI in {@code workingDirectory} and waits for it to exit. */
	static Run run(Path workingDirectory, String... args) {
		assertThat(JAR).as("the runnable jar, built by 'package'").isRegularFile();
		List<String> command = new ArrayList<>(List.of(JAVA,
				// short runs: start fast, the options do not change what the CLI does
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile("assetbust-cli-", ".out");
			Path err = Files.createTempFile("assetbust-cli-", ".err");
			try {
				Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
					.redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError("Timed out: " + String.join(" ", args));
				}
				return new Run(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
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
