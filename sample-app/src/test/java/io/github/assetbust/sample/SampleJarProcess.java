package io.github.assetbust.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * One {@code java -jar} process of a packaged sample, started as a deploy starts it: in an empty
 * folder of its own, with only command-line arguments, its output in a log file the test reads.
 */
final class SampleJarProcess implements AutoCloseable {

	/** The jar the Maven goal and Spring Boot's repackage produced; the *IT classes run after package. */
	static final Path PACKAGED_JAR = Path.of("target", "assetbust-sample-app.jar").toAbsolutePath();

	private static final Pattern READY = Pattern.compile("assetbust sample running: open http://localhost:(\\d+)/");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final Path jar;

	private final Path log;

	private final Process process;

	private final long startedAt = System.nanoTime();

	private int port;

	private long readyAfterMillis;

	private SampleJarProcess(String name, Path jar, Path log, Process process) {
		this.name = name;
		this.jar = jar;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts {@code jar} in {@code folder} (created if need be) with {@code arguments} after
	 * {@code --server.port=0}; does not wait for it: see {@link #awaitReady()}.
	 */
	static SampleJarProcess start(String name, Path jar, Path folder, String... arguments) throws IOException {
		Files.createDirectories(folder);
		Path log = folder.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=0"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		// should this JVM be stopped before the test closes it, the app does not outlive it
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new SampleJarProcess(name, jar, log, process);
	}

	/** Waits, bounded, for the app's own startup line, and remembers the port it names. */
	SampleJarProcess awaitReady() throws InterruptedException {
		long deadline = this.startedAt + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(log());
			if (ready.find()) {
				this.port = Integer.parseInt(ready.group(1));
				this.readyAfterMillis = Duration.ofNanos(System.nanoTime() - this.startedAt).toMillis();
				return this;
			}
			if (!this.process.isAlive()) {
				fail("%s: java -jar %s exited with %d before it was ready:%n%s", this.name, this.jar,
						this.process.exitValue(), log());
			}
			Thread.sleep(50);
		}
		return fail("%s: java -jar %s did not log its port within %s:%n%s", this.name, this.jar, STARTUP_TIMEOUT,
				log());
	}

	/** How long the process took from its start to its ready line. */
	long readyAfterMillis() {
		return this.readyAfterMillis;
	}

	/** What the app has logged so far; the last line may be half written, so no strict decoding. */
	String log() {
		try {
			return new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * GETs {@code path} with the request headers {@code headers} (name, value, ...); {@code null}
	 * if no response came (refused, reset, timed out), which a load balancer's client sees as a
	 * failed request.
	 */
	HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Override
	public String toString() {
		return this.name + " (localhost:" + this.port + ")";
	}

}
