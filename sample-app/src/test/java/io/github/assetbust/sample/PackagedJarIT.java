package io.github.assetbust.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar on its own, as a deploy runs it: {@code java -jar target/assetbust-sample-app.jar}
 * in an empty folder, nothing from the build on its class path. Run by failsafe after
 * {@code package}, so it checks the jar the Maven goal and Spring Boot's repackage produced.
 */
class PackagedJarIT {

	private static final Path JAR = Path.of("target", "assetbust-sample-app.jar").toAbsolutePath();

	private static final String CLASSES = "BOOT-INF/classes/";

	private static final Pattern READY = Pattern.compile("assetbust sample running: open http://localhost:(\\d+)/");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	@TempDir
	static Path workDir;

	private static Process process;

	private static Path log;

	private static int port;

	@BeforeAll
	static void startTheJar() throws IOException, InterruptedException {
		assertThat(JAR).as("the repackaged jar; run this after package").isRegularFile();
		log = workDir.resolve("app.log");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
				"--server.port=0")
			// an empty working folder: nothing from the project (src/, target/classes, config/) is in reach
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		// should this JVM be stopped before @AfterAll runs, the app does not outlive it
		Process started = process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		port = awaitPort();
	}

	@AfterAll
	static void stopTheJar() throws InterruptedException {
		if (process == null) {
			return;
		}
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Waits, bounded, for the app's own startup line and returns the port it names. */
	private static int awaitPort() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(appLog());
			if (ready.find()) {
				return Integer.parseInt(ready.group(1));
			}
			if (!process.isAlive()) {
				fail("java -jar %s exited with %d before it was ready:%n%s", JAR.getFileName(), process.exitValue(),
						appLog());
			}
			Thread.sleep(100);
		}
		return fail("java -jar %s did not log its port within %s:%n%s", JAR.getFileName(), STARTUP_TIMEOUT, appLog());
	}

	/** What the app has logged so far; the last line may be half written, so no strict decoding. */
	private static String appLog() throws IOException {
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	@Test
	void jarShipsTheManifestAndEveryHashedFileItLists() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			Map<String, String> assets = manifest(jar);

			assertThat(assets.keySet()).as("every static file has an entry").containsExactlyInAnyOrderElementsOf(jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith(CLASSES + "static/") && !name.endsWith("/"))
				.map((name) -> name.substring((CLASSES + "static/").length()))
				.filter((path) -> !SiteClient.HASHED_NAME.matcher(path).find() && !isVariant(path))
				.toList());

			assertThat(assets).isNotEmpty().containsKeys("css/main.css", "img/stripes.png", "js/app.js");
			assets.forEach((original, hashed) -> {
				JarEntry entry = jar.getJarEntry(CLASSES + "static/" + hashed);
				assertThat(entry).as("%sstatic/%s, the hashed copy of %s", CLASSES, hashed, original).isNotNull();
				Matcher name = SiteClient.HASHED_NAME.matcher(hashed);
				assertThat(name.find()).as("%s carries a digest", hashed).isTrue();
				assertThat(SampleSiteTests.md5(bytes(jar, entry))).as("md5 of %s", hashed).isEqualTo(name.group(1));
				assertThat(jar.getJarEntry(CLASSES + "static/" + original)).as("original %s", original).isNotNull();
			});
		}
	}

	@Test
	void jarShipsVariantsOfHashedCopiesOnly() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			Set<String> listed = Set.copyOf(manifest(jar).values());
			List<String> variants = jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith(CLASSES + "static/") && isVariant(name))
				.map((name) -> name.substring((CLASSES + "static/").length()))
				.toList();

			assertThat(variants).as("precompressed variants in the jar").isNotEmpty().allSatisfy((variant) ->
					assertThat(listed).as("the hashed copy %s is a variant of", variant)
						.contains(variant.substring(0, variant.lastIndexOf('.'))));
		}
	}

	@Test
	void jarShipsOneGenerationOfHashedCopiesAndNoBuildState() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			Set<String> listed = Set.copyOf(manifest(jar).values());
			String manifestFolder = manifestEntry(jar).getName().replace("manifest.json", "");
			List<String> names = jar.stream().filter((entry) -> !entry.isDirectory()).map(JarEntry::getName).toList();

			assertThat(names).filteredOn((name) -> name.startsWith(CLASSES + "static/"))
				.map((name) -> name.substring((CLASSES + "static/").length()))
				.filteredOn((path) -> SiteClient.HASHED_NAME.matcher(path).find())
				.as("hashed copies in the jar")
				.containsExactlyInAnyOrderElementsOf(listed);
			assertThat(names).filteredOn((name) -> name.startsWith(manifestFolder))
				.as("files beside the manifest")
				.containsExactly(manifestFolder + "manifest.json");
		}
	}

	@Test
	void startsFromTheJarWithoutBuildingAnything() throws IOException {
		String output = appLog();

		assertThat(output).contains("Started SampleApplication")
			.contains(JAR.getFileName().toString())
			.doesNotContain("AssetBuildInitializer")
			.doesNotContain("Hashed ");
	}

	@Test
	void homePageLinksTheHashedStylesheetWhichIsServedAsImmutable() throws IOException {
		String hashedCss;
		byte[] packagedCss;
		try (JarFile jar = new JarFile(JAR.toFile())) {
			hashedCss = manifest(jar).get("css/main.css");
			packagedCss = bytes(jar, jar.getJarEntry(CLASSES + "static/" + hashedCss));
		}
		SiteClient site = new SiteClient(port);

		List<String> links = SiteClient.assetLinks(site.page("/"));
		assertThat(links).contains("/" + hashedCss);

		HttpResponse<byte[]> response = site.get("/" + hashedCss);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(response)).isEqualTo(IMMUTABLE);
		assertThat(response.body()).isEqualTo(packagedCss);
	}

	@Test
	void imageTheServedStylesheetPointsAtIsServedAsImmutable() {
		SiteClient site = new SiteClient(port);
		String stylesheet = SiteClient.assetLinks(site.page("/"))
			.stream()
			.filter((link) -> link.matches("/css/main-[0-9a-f]{32}\\.css"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the home page links no hashed css/main.css"));
		String css = new String(site.get(stylesheet).body(), StandardCharsets.UTF_8);
		Matcher image = Pattern.compile("url\\((\\.\\./img/stripes-[0-9a-f]{32}\\.png)\\)").matcher(css);
		assertThat(image.find()).as("hashed main.css points at the hashed stripes.png:%n%s", css).isTrue();

		HttpResponse<byte[]> response = site.get(URI.create(stylesheet).resolve(image.group(1)).getPath());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(response)).isEqualTo(IMMUTABLE);
	}

	@ParameterizedTest
	@CsvSource({ "br, .br", "gzip, .gz" })
	void hashedStylesheetIsServedFromTheJarsPrecompressedVariantToClientsThatAcceptIt(String coding, String suffix)
			throws IOException {
		String hashedCss;
		byte[] packagedCss;
		try (JarFile jar = new JarFile(JAR.toFile())) {
			hashedCss = manifest(jar).get("css/main.css");
			packagedCss = bytes(jar, jar.getJarEntry(CLASSES + "static/" + hashedCss));
			assertThat(jar.getJarEntry(CLASSES + "static/" + hashedCss + suffix)).as("the goal's %s variant", coding)
				.isNotNull();
		}

		HttpResponse<byte[]> response = new SiteClient(port).get("/" + hashedCss, "Accept-Encoding", coding);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Encoding")).containsExactly(coding);
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(SiteClient.cacheControl(response)).isEqualTo(IMMUTABLE);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/css"));
		assertThat(decode(coding, response.body())).as("%s body, decoded", coding).isEqualTo(packagedCss);
	}

	private static byte[] decode(String coding, byte[] body) throws IOException {
		InputStream in = new ByteArrayInputStream(body);
		if (coding.equals("br")) {
			Brotli4jLoader.ensureAvailability();
			in = new BrotliInputStream(in);
		}
		else {
			in = new GZIPInputStream(in);
		}
		try (InputStream decoded = in) {
			return decoded.readAllBytes();
		}
	}

	/** A precompressed variant the goal writes beside a hashed copy: {@code main-<md5>.css.br}. */
	private static boolean isVariant(String path) {
		return path.matches(".*-[0-9a-f]{32}\\.[^/.]+\\.(br|gz)");
	}

	/**
	 * The manifest entry. The Maven goal writes it to {@code target/classes/META-INF/assetbust/};
	 * Spring Boot's repackage keeps {@code META-INF/} entries at the jar root rather than under
	 * {@code BOOT-INF/classes/}, and {@code java -jar} puts the root on the class path the app's
	 * class loader delegates to, so either place is {@code classpath:/META-INF/assetbust/manifest.json}.
	 * Exactly one may exist, or which one the app reads would depend on class loader order.
	 */
	private static JarEntry manifestEntry(JarFile jar) {
		List<JarEntry> found = Stream.of(SiteClient.MANIFEST, CLASSES + SiteClient.MANIFEST)
			.map(jar::getJarEntry)
			.filter(Objects::nonNull)
			.toList();
		assertThat(found).as("%s or %s%s in %s", SiteClient.MANIFEST, CLASSES, SiteClient.MANIFEST, JAR.getFileName())
			.hasSize(1);
		return found.get(0);
	}

	/** The manifest's {@code assets} as packaged in the jar: original path to hashed path. */
	private static Map<String, String> manifest(JarFile jar) {
		JarEntry entry = manifestEntry(jar);
		JsonNode assets;
		try {
			assets = JsonMapper.builder().build().readTree(bytes(jar, entry)).path("assets");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> paths = new LinkedHashMap<>();
		assets.properties().forEach((asset) -> paths.put(asset.getKey(), asset.getValue().path("path").asText()));
		return paths;
	}

	private static byte[] bytes(JarFile jar, JarEntry entry) {
		try (InputStream in = jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
