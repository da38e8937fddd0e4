package io.github.assetbust.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample as an application that has only the starter gets it: the packaged jar without the
 * manifest and hashed copies the Maven goal put in, started twice with {@code java -jar}, so the
 * zero-configuration build hashes {@code BOOT-INF/classes/static/} from inside the executable jar
 * while the application starts, then finds nothing to do on the restart. Run by failsafe after
 * {@code package}.
 */
class ZeroConfigurationJarIT {

	private static final Path JAR = Path.of("target", "assetbust-sample-app.jar").toAbsolutePath();

	private static final String STATIC = "BOOT-INF/classes/static/";

	private static final Pattern READY = Pattern.compile("assetbust sample running: open http://localhost:(\\d+)/");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	@TempDir
	static Path workDir;

	private static Path jar;

	private static Path output;

	private static Process process;

	private static String firstStart;

	private static String restart;

	private static int port;

	@BeforeAll
	static void startTheJarTwice() throws IOException, InterruptedException {
		assertThat(JAR).as("the repackaged jar; run this after package").isRegularFile();
		jar = workDir.resolve("app.jar");
		withoutTheBuild(JAR, jar);
		output = workDir.resolve("output");
		Path firstLog = workDir.resolve("first.log");
		start(firstLog);
		firstStart = log(firstLog);
		stop();
		Path restartLog = workDir.resolve("restart.log");
		port = start(restartLog);
		restart = log(restartLog);
	}

	@AfterAll
	static void stopTheJar() throws InterruptedException {
		stop();
	}

	/** The packaged jar without what the Maven goal added: the manifest, the hashed copies and their variants. */
	private static void withoutTheBuild(Path from, Path to) throws IOException {
		try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
				ZipOutputStream out = new ZipOutputStream(file)) {
			for (ZipEntry entry : Collections.list(in.entries())) {
				String name = entry.getName();
				if (name.contains(SiteClient.MANIFEST)
						|| (name.startsWith(STATIC) && SiteClient.HASHED_NAME.matcher(name.replaceFirst("\\.(br|gz)$", ""))
							.find())) {
					continue;
				}
				// stored entries (the nested jars, which must stay stored) keep their sizes and CRC
				ZipEntry copy = new ZipEntry(entry);
				if (copy.getMethod() == ZipEntry.DEFLATED) {
					copy.setCompressedSize(-1);
				}
				out.putNextEntry(copy);
				try (InputStream content = in.getInputStream(entry)) {
					content.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

	private static int start(Path log) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--server.port=0", "--assetbust.build.output=" + output)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Process started = process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(log(log));
			if (ready.find()) {
				return Integer.parseInt(ready.group(1));
			}
			if (!process.isAlive()) {
				fail("java -jar %s exited with %d before it was ready:%n%s", jar, process.exitValue(), log(log));
			}
			Thread.sleep(100);
		}
		return fail("java -jar %s did not log its port within %s:%n%s", jar, STARTUP_TIMEOUT, log(log));
	}

	private static void stop() throws InterruptedException {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String log(Path log) throws IOException {
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	private static long staticFiles() throws IOException {
		try (ZipFile in = new ZipFile(jar.toFile())) {
			return in.stream().filter((entry) -> entry.getName().startsWith(STATIC) && !entry.isDirectory()).count();
		}
	}

	@Test
	void theFirstStartHashesEveryStaticFileBeforeTheServerStarts() throws IOException {
		Matcher hashed = Pattern.compile("Hashed static assets from classpath:/META-INF/resources/, "
				+ "classpath:/resources/, classpath:/static/, classpath:/public/ into " + Pattern.quote(output + "/files")
				+ ": (\\d+) assets hashed \\((\\d+) copies written, .* \\((\\d+) files copied first\\)")
			.matcher(firstStart);
		assertThat(hashed.find()).as(firstStart).isTrue();
		assertThat(Long.parseLong(hashed.group(1))).isEqualTo(staticFiles()).isGreaterThan(5);
		assertThat(hashed.group(2)).isEqualTo(hashed.group(1));
		assertThat(hashed.group(3)).isEqualTo(hashed.group(1));
		assertThat(firstStart.indexOf("Tomcat started on port")).as("the server starts after the build")
			.isGreaterThan(hashed.end());
	}

	@Test
	void theRestartCopiesAndHashesNothing() {
		assertThat(restart)
			.containsPattern("Hashed static assets from .*: \\d+ assets hashed \\(0 copies written, .* \\(0 files copied first\\)")
			.doesNotContain("Asset build failed");
	}

	@Test
	void everyAssetTheHomePageLinksIsHashedAndServedAsImmutableUnderTheMd5OfItsBytes() {
		SiteClient site = new SiteClient(port);
		List<String> links = SiteClient.assetLinks(site.page("/"));
		assertThat(links).isNotEmpty().anyMatch((link) -> link.matches("/css/main-[0-9a-f]{32}\\.css"));
		for (String link : links) {
			Matcher name = SiteClient.HASHED_NAME.matcher(link);
			assertThat(name.find()).as("%s is hashed", link).isTrue();
			HttpResponse<byte[]> response = site.get(link);
			assertThat(response.statusCode()).as(link).isEqualTo(200);
			assertThat(SiteClient.cacheControl(response)).as(link).isEqualTo(IMMUTABLE);
			assertThat(SampleSiteTests.md5(response.body())).as("md5 of %s", link).isEqualTo(name.group(1));
		}
	}

	@Test
	void theHashedStylesheetPointsAtTheHashedImageWhichIsServed() {
		SiteClient site = new SiteClient(port);
		String stylesheet = SiteClient.assetLinks(site.page("/"))
			.stream()
			.filter((link) -> link.matches("/css/main-[0-9a-f]{32}\\.css"))
			.findFirst()
			.orElseThrow();
		String css = new String(site.get(stylesheet).body(), StandardCharsets.UTF_8);
		Matcher image = Pattern.compile("url\\((\\.\\./img/stripes-[0-9a-f]{32}\\.png)\\)").matcher(css);
		assertThat(image.find()).as(css).isTrue();

		HttpResponse<byte[]> response = site.get(URI.create(stylesheet).resolve(image.group(1)).getPath());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(response)).isEqualTo(IMMUTABLE);
	}

}
