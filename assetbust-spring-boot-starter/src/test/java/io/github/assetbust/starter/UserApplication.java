package io.github.assetbust.starter;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's packaged application (the invoker ITs in src/it) started with {@code java -jar} as its
 * developer would, with no configuration but a free port, and probed over real HTTP.
 */
public final class UserApplication implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("started on port[s]?:? ?\\(?(\\d+)");

	private static final Pattern HASHED = Pattern.compile("-([0-9a-f]{32})\\.[a-z]+$");

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private UserApplication(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** Runs {@code jar}, checks its home page as {@link #verifyHashedPage()} does, and stops it. */
	public static void verifyHashedPage(File jar) throws Exception {
		try (UserApplication application = start(jar)) {
			application.verifyHashedPage();
		}
	}

	static UserApplication start(File jar) throws IOException, InterruptedException {
		assertThat(jar).as("the packaged application").isFile();
		Path log = jar.toPath().resolveSibling(jar.getName() + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", jar.getAbsolutePath(), "--server.port=0")
			.directory(jar.getParentFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			Matcher started = STARTED.matcher(Files.readString(log));
			if (started.find()) {
				return new UserApplication(process, log, Integer.parseInt(started.group(1)));
			}
			if (!process.isAlive()) {
				throw new AssertionError("The application stopped with exit code " + process.exitValue() + ":\n"
						+ Files.readString(log));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new AssertionError("The application did not start within " + STARTUP_TIMEOUT + ":\n" + Files.readString(log));
	}

	/**
	 * The home page links a hashed stylesheet and script; the stylesheet is served immutable, its
	 * md5 is the digest in its name, and it points at the hashed image, served immutable too; the
	 * log has no warning or error from assetbust.
	 */
	public void verifyHashedPage() throws Exception {
		HttpResponse<byte[]> page = get("/");
		assertThat(page.statusCode()).as(logged("GET /")).isEqualTo(200);
		String html = new String(page.body(), StandardCharsets.UTF_8);
		String stylesheet = attribute(html, "link", "href");
		String script = attribute(html, "script", "src");
		assertThat(stylesheet).as(html).startsWith("/css/main-").endsWith(".css");
		assertThat(script).as(html).startsWith("/js/app-").endsWith(".js");
		String css = new String(verifyImmutable(stylesheet), StandardCharsets.UTF_8);
		verifyImmutable(script);
		Matcher image = Pattern.compile("url\\(\"?([^\")]+)\"?\\)").matcher(css);
		assertThat(image.find()).as(css).isTrue();
		assertThat(image.group(1)).as(css).startsWith("../img/dot-").endsWith(".png");
		verifyImmutable(URI.create("http://localhost" + stylesheet).resolve(image.group(1)).getPath());
		List<String> complaints = Files.readAllLines(this.log)
			.stream()
			.filter((line) -> line.contains("io.github.assetbust") || line.contains("assetbust"))
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.toList();
		assertThat(complaints).as(logged("assetbust warnings and errors")).isEmpty();
	}

	private byte[] verifyImmutable(String path) throws Exception {
		HttpResponse<byte[]> response = get(path);
		assertThat(response.statusCode()).as(logged("GET " + path)).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).as("Cache-Control of " + path)
			.hasValue("max-age=31536000, public, immutable");
		Matcher digest = HASHED.matcher(path);
		assertThat(digest.find()).as(path).isTrue();
		byte[] body = response.body();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)))
			.as("md5 of the bytes served for " + path)
			.isEqualTo(digest.group(1));
		return body;
	}

	private static String attribute(String html, String element, String name) {
		Matcher tag = Pattern.compile("<" + element + " [^>]*" + name + "=\"([^\"]*)\"").matcher(html);
		assertThat(tag.find()).as("<%s %s> in %s", element, name, html).isTrue();
		return tag.group(1);
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private String logged(String what) throws IOException {
		return what + "; the application's log:\n" + Files.readString(this.log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
