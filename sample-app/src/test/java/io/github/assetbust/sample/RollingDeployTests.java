package io.github.assetbust.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy as a load-balanced site sees it: two real instances of the sample app on two
 * ports serve one shared asset root, a round-robin client keeps loading pages from one instance
 * and their assets from the other (and the same) one, and meanwhile version 2 of the assets is
 * built into the root the way a deploy script would. The instances pick up the new manifest by
 * themselves. Not one asset request may fail: old pages must find their files on new servers, and
 * new pages on servers that have not reloaded yet.
 */
class RollingDeployTests {

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	/** {@code url(...)} references inside a stylesheet. */
	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

	/** How long the client runs at most, whatever happens; keeps the test well under 30 s. */
	private static final Duration CLIENT_TIME_LIMIT = Duration.ofSeconds(25);

	/** How many requests the client makes before the deploy, and again once both instances reloaded. */
	private static final int PHASE_REQUESTS = 750;

	/** How long each of those two phases lasts at most, on a slow or busy machine. */
	private static final Duration PHASE_TIME_LIMIT = Duration.ofSeconds(6);

	/** How many requests the client makes at most. */
	private static final int CLIENT_REQUEST_LIMIT = 60_000;

	private static final Path STATIC_SOURCES = Path.of("src/main/resources/static");

	static {
		// the image of version 2 is drawn with java.awt, which needs no display
		System.setProperty("java.awt.headless", "true");
	}

	@TempDir
	Path root;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private RoundRobinClient client;

	private Thread clientThread;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.client != null) {
			this.client.stop();
		}
		if (this.clientThread != null) {
			this.clientThread.join(10_000);
		}
		for (ConfigurableApplicationContext instance : this.instances) {
			instance.close();
		}
	}

	@Test
	@Timeout(60)
	void noAssetRequestFailsWhileVersionTwoIsBuiltUnderTwoRunningInstances() throws Exception {
		long testStart = System.nanoTime();
		copyStaticSources();
		BuildResult v1Build = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Map<String, String> v1 = manifest();
		assertThat(v1Build.manifest().size()).isEqualTo(v1.size()).isPositive();

		Instance a = start("instance-a");
		Instance b = start("instance-b");
		Instance[] both = { a, b };
		for (Instance instance : both) {
			assertThat(mainCssLink(instance)).as("main.css on %s before the deploy", instance)
				.isEqualTo("/" + v1.get("css/main.css"));
		}

		this.client = new RoundRobinClient(a, b);
		this.clientThread = new Thread(this.client, "rolling-deploy-client");
		this.clientThread.setDaemon(true);
		this.clientThread.start();
		awaitRequests(PHASE_REQUESTS, PHASE_TIME_LIMIT);

		// deploy version 2 into the shared root, as a deploy script would, while the client runs
		long deployStart = System.nanoTime();
		changeMainCss();
		changeStripesImage();
		Files.writeString(this.root.resolve("js/banner.js"),
				"/* assetbust sample v2: a new script */\nconsole.log(\"version 2\");\n", StandardCharsets.UTF_8);
		BuildResult v2Build = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Map<String, String> v2 = manifest();
		assertThat(v2.get("css/main.css")).isNotEqualTo(v1.get("css/main.css"));
		assertThat(v2.get("img/stripes.png")).isNotEqualTo(v1.get("img/stripes.png"));
		assertThat(v2).containsKey("js/banner.js");
		assertThat(v2Build.removed()).as("hashed copies removed by the version 2 build").isEmpty();

		// both instances notice the new manifest by themselves
		for (Instance instance : both) {
			awaitMainCss(instance, "/" + v2.get("css/main.css"), Duration.ofSeconds(10));
		}
		long bothReloaded = System.nanoTime();
		awaitRequests(this.client.requests + PHASE_REQUESTS, PHASE_TIME_LIMIT);
		this.client.stop();
		this.clientThread.join(10_000);
		assertThat(this.clientThread.isAlive()).as("client stopped").isFalse();
		RoundRobinClient run = this.client;

		// every URL ever seen, and the new script no page links yet, from both instances
		Set<String> everySeen = new TreeSet<>(run.seenAssets);
		Set<String> finalCheck = new TreeSet<>(everySeen);
		finalCheck.add("/" + v2.get("js/banner.js"));
		List<String> finalProblems = new ArrayList<>();
		int finalRequests = 0;
		for (String url : finalCheck) {
			for (Instance instance : both) {
				finalRequests++;
				HttpResponse<byte[]> response = instance.get(url);
				String problem = problemWith(url, response);
				if (problem == null && !IMMUTABLE.equals(cacheControl(response))) {
					problem = "Cache-Control '" + cacheControl(response) + "', not immutable";
				}
				if (problem != null) {
					finalProblems.add("GET " + instance + url + ": " + problem);
				}
			}
		}

		Set<String> v1Urls = urls(v1);
		Set<String> v2Urls = urls(v2);
		Set<String> v1Only = new TreeSet<>(v1Urls);
		v1Only.removeAll(v2Urls);
		Set<String> v2Only = new TreeSet<>(v2Urls);
		v2Only.removeAll(v1Urls);
		CrossVersion cross = run.crossVersion(v1Only, v2Only);
		long elapsedMillis = Duration.ofNanos(System.nanoTime() - testStart).toMillis();

		System.out.printf("""
				Rolling deploy: %d client requests (%d pages, %d assets: %d from the other instance), \
				%d failed; %d distinct asset URLs seen (%d of version 1 only, %d of version 2 only, %d shared); \
				pages rendered: %d version 1, %d version 2; \
				old-page assets served by reloaded instances: %d; new-page assets served by instances not yet reloaded: %d; \
				hashed responses without the immutable header: %d; \
				deploy build %d ms, both instances on version 2 %d ms after the deploy started; \
				final check: %d requests, %d problems; whole test %d ms%n""",
				run.requests, run.pages, run.assetRequests, run.crossInstanceRequests, run.failureCount,
				everySeen.size(), intersectionSize(everySeen, v1Only), intersectionSize(everySeen, v2Only),
				everySeen.size() - intersectionSize(everySeen, v1Only) - intersectionSize(everySeen, v2Only),
				run.pagesOfVersion(1), run.pagesOfVersion(2), cross.oldPageOnNewServer(), cross.newPageOnOldServer(),
				run.notImmutable, v2Build.duration().toMillis(),
				Duration.ofNanos(bothReloaded - deployStart).toMillis(), finalRequests, finalProblems.size(),
				elapsedMillis);
		if (run.notImmutable > 0) {
			System.out.println("Hashed responses without the immutable header, first ones: " + run.notImmutableExamples);
		}

		assertThat(run.failures).as("failed requests during the rolling deploy (%d in all)", run.failureCount)
			.isEmpty();
		assertThat(run.requests).as("requests the client made").isGreaterThanOrEqualTo(1000);
		assertThat(run.pagesOfVersion(1)).as("pages rendered with version 1").isPositive();
		assertThat(run.pagesOfVersion(2)).as("pages rendered with version 2").isPositive();
		assertThat(everySeen).as("asset URLs seen, against version 1's manifest").containsAll(v1Urls);
		assertThat(everySeen).as("asset URLs seen, against version 2's manifest")
			.containsAll(v2Urls.stream().filter((url) -> !url.equals("/" + v2.get("js/banner.js"))).toList());
		assertThat(everySeen).as("asset URLs seen")
			.contains("/" + v1.get("css/main.css"), "/" + v1.get("img/stripes.png"), "/" + v2.get("css/main.css"),
					"/" + v2.get("img/stripes.png"));
		assertThat(cross.oldPageOnNewServer()).as("version 1 assets served by instances already on version 2")
			.isPositive();
		assertThat(finalProblems).as("every asset URL seen, and the new script, from both instances after the deploy")
			.isEmpty();
		for (String url : v1Urls) {
			assertThat(this.root.resolve(url.substring(1))).as("version 1 copy kept on disk").isRegularFile();
		}
	}

	private void copyStaticSources() throws IOException {
		assertThat(STATIC_SOURCES).isDirectory();
		try (Stream<Path> files = Files.walk(STATIC_SOURCES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = this.root.resolve(STATIC_SOURCES.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	/** A visible change: another accent colour and a darker hero. */
	private void changeMainCss() throws IOException {
		Path css = this.root.resolve("css/main.css");
		String original = Files.readString(css, StandardCharsets.UTF_8);
		String changed = original.replace("--accent: #4f46e5;", "--accent: #db2777;")
			.replace(".hero h1 { margin-top: 0;", ".hero h1 { margin-top: 0; color: var(--accent);");
		assertThat(changed).isNotEqualTo(original).contains("#db2777");
		Files.writeString(css, "/* version 2 */\n" + changed, StandardCharsets.UTF_8);
	}

	/** The tile main.css references, redrawn in other colours. */
	private void changeStripesImage() throws IOException {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(new Color(0xfd, 0xf2, 0xf8));
			graphics.fillRect(0, 0, 16, 16);
			graphics.setColor(new Color(0xfb, 0xcf, 0xe8));
			for (int x = -16; x < 16; x += 4) {
				graphics.drawLine(x, 16, x + 16, 0);
			}
		}
		finally {
			graphics.dispose();
		}
		Path png = this.root.resolve("img/stripes.png");
		byte[] before = Files.readAllBytes(png);
		assertThat(ImageIO.write(image, "png", png.toFile())).isTrue();
		assertThat(Files.readAllBytes(png)).isNotEqualTo(before);
	}

	private Instance start(String name) {
		String location = "file:" + this.root.toAbsolutePath() + "/";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "assetbust.build.root=" + location, "spring.main.banner-mode=off",
					"spring.application.name=" + name,
					// serve only the shared root, not the copies the Maven goal packaged on the class
					// path, so that a kept version 1 copy is served from the root or not at all
					"spring.web.resources.static-locations=" + location)
			.run();
		this.instances.add(context);
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return new Instance(name, port);
	}

	/** The shared root's manifest, read with plain Jackson: original path to hashed path. */
	private Map<String, String> manifest() throws IOException {
		JsonNode assets = JsonMapper.builder()
			.build()
			.readTree(Files.readString(this.root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME)))
			.path("assets");
		Map<String, String> paths = new LinkedHashMap<>();
		assets.properties().forEach((entry) -> paths.put(entry.getKey(), entry.getValue().path("path").asText()));
		return paths;
	}

	private static Set<String> urls(Map<String, String> manifest) {
		return manifest.values().stream().map((path) -> "/" + path).collect(Collectors.toCollection(TreeSet::new));
	}

	private static int intersectionSize(Set<String> a, Set<String> b) {
		return (int) a.stream().filter(b::contains).count();
	}

	/** Lets the client run until it made {@code count} requests in all, or for {@code timeout} at most. */
	private void awaitRequests(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.client.requests < count && System.nanoTime() < deadline && this.clientThread.isAlive()) {
			Thread.sleep(20);
		}
	}

	private static String mainCssLink(Instance instance) {
		HttpResponse<byte[]> response = instance.get("/");
		assertThat(response.statusCode()).as("GET %s/", instance).isEqualTo(200);
		return SiteClient.assetLinks(new String(response.body(), StandardCharsets.UTF_8))
			.stream()
			.filter((link) -> link.startsWith("/css/main-"))
			.findFirst()
			.orElse(null);
	}

	private static void awaitMainCss(Instance instance, String expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String seen = null;
		while (System.nanoTime() < deadline) {
			seen = mainCssLink(instance);
			if (expected.equals(seen)) {
				return;
			}
			Thread.sleep(50);
		}
		assertThat(seen).as("main.css on %s %s after the deploy", instance, timeout).isEqualTo(expected);
	}

	/** What is wrong with an asset response, or {@code null}: not 200, or a body without the digest in its name. */
	private static String problemWith(String url, HttpResponse<byte[]> response) {
		if (response == null) {
			return "no response";
		}
		if (response.statusCode() != 200) {
			return "status " + response.statusCode();
		}
		Matcher name = SiteClient.HASHED_NAME.matcher(url);
		if (!name.find()) {
			return "not a hashed URL";
		}
		String md5 = SampleSiteTests.md5(response.body());
		return md5.equals(name.group(1)) ? null : "body has md5 " + md5;
	}

	private static String cacheControl(HttpResponse<?> response) {
		return response.headers().firstValue("Cache-Control").orElse("");
	}

	/** One running instance of the sample app. */
	private static final class Instance {

		private static final HttpClient HTTP = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();

		private final String name;

		private final String origin;

		Instance(String name, int port) {
			this.name = name;
			this.origin = "http://localhost:" + port;
		}

		/** GETs {@code path}; {@code null} if no response came (refused, reset, timed out). */
		HttpResponse<byte[]> get(String path) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.origin + path))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build();
			try {
				return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
		public String toString() {
			return this.name + " " + this.origin;
		}

	}

	/** How often an asset of one version met an instance known to be on the other version. */
	private record CrossVersion(int oldPageOnNewServer, int newPageOnOldServer) {
	}

	/**
	 * Loads pages from the two instances in turn, and each page's assets (and the images its
	 * stylesheets reference) from the other instance and the same one, like browsers behind a
	 * round-robin load balancer. It also keeps the first page it saw open, as a browser tab would,
	 * and keeps loading that page's assets from both instances throughout the deploy.
	 */
	private static final class RoundRobinClient implements Runnable {

		private final Instance[] instances;

		private final AtomicBoolean stopped = new AtomicBoolean();

		final Set<String> seenAssets = new LinkedHashSet<>();

		final List<String> failures = new ArrayList<>();

		final List<Fetch> assetFetches = new ArrayList<>();

		final List<Page> pageFetches = new ArrayList<>();

		final List<String> notImmutableExamples = new ArrayList<>();

		/** Written by the client thread only, read by the test thread while it runs. */
		volatile int requests;

		int pages;

		int assetRequests;

		int crossInstanceRequests;

		int notImmutable;

		int failureCount;

		private List<String> openTab;

		private int openTabFrom;

		private String v1MainCss;

		RoundRobinClient(Instance a, Instance b) {
			this.instances = new Instance[] { a, b };
		}

		void stop() {
			this.stopped.set(true);
		}

		@Override
		public void run() {
			long deadline = System.nanoTime() + CLIENT_TIME_LIMIT.toNanos();
			try {
				for (int round = 0; !this.stopped.get() && System.nanoTime() < deadline
						&& this.requests < CLIENT_REQUEST_LIMIT; round++) {
					int pageFrom = round % 2;
					String pagePath = ((round / 2) % 2 == 0) ? "/" : "/about";
					visit(pageFrom, pagePath);
				}
			}
			catch (RuntimeException | Error ex) {
				fail("client crashed: " + ex);
			}
		}

		private void visit(int pageFrom, String pagePath) {
			Instance instance = this.instances[pageFrom];
			long start = System.nanoTime();
			HttpResponse<byte[]> page = instance.get(pagePath);
			long end = System.nanoTime();
			this.requests++;
			this.pages++;
			if (page == null || page.statusCode() != 200) {
				fail("GET " + instance + pagePath + ": " + ((page == null) ? "no response" : "status " + page.statusCode()));
				return;
			}
			List<String> links = SiteClient.assetLinks(new String(page.body(), StandardCharsets.UTF_8));
			if (links.isEmpty()) {
				fail("GET " + instance + pagePath + ": no asset links");
			}
			String mainCss = links.stream().filter((link) -> link.startsWith("/css/main-")).findFirst().orElse(null);
			if (this.v1MainCss == null) {
				this.v1MainCss = mainCss;
				this.openTab = links;
				this.openTabFrom = pageFrom;
			}
			this.pageFetches.add(new Page(pageFrom, (mainCss != null && mainCss.equals(this.v1MainCss)) ? 1 : 2, start, end));
			String context = " (linked from " + pagePath + " of " + instance + ")";
			for (String link : new LinkedHashSet<>(links)) {
				if (!SiteClient.HASHED_NAME.matcher(link).find()) {
					fail(instance + pagePath + " links " + link + ", which is not hashed");
				}
				// from the other instance, as a load balancer may send it, and from the same one
				byte[] body = fetchAsset(1 - pageFrom, pageFrom, link, context);
				fetchAsset(pageFrom, pageFrom, link, context);
				if (link.endsWith(".css") && body != null) {
					for (String reference : cssReferences(link, body)) {
						String cssContext = " (referenced from " + link + context + ")";
						fetchAsset(1 - pageFrom, pageFrom, reference, cssContext);
						fetchAsset(pageFrom, pageFrom, reference, cssContext);
					}
				}
			}
			// the tab opened before the deploy loads its assets again, from the instance not used above
			for (String link : this.openTab) {
				fetchAsset(1 - pageFrom, this.openTabFrom, link,
						" (linked from the page of " + this.instances[this.openTabFrom] + " open since version 1)");
			}
		}

		private static List<String> cssReferences(String stylesheet, byte[] body) {
			List<String> references = new ArrayList<>();
			Matcher matcher = CSS_URL.matcher(new String(body, StandardCharsets.UTF_8));
			while (matcher.find()) {
				String reference = matcher.group(1);
				if (!reference.startsWith("data:") && !reference.contains("://")) {
					references.add(URI.create(stylesheet).resolve(reference).getPath());
				}
			}
			return references;
		}

		/** Fetches an asset, records the outcome, returns the body of a good response. */
		private byte[] fetchAsset(int from, int pageFrom, String url, String context) {
			Instance instance = this.instances[from];
			this.seenAssets.add(url);
			long start = System.nanoTime();
			HttpResponse<byte[]> response = instance.get(url);
			long end = System.nanoTime();
			this.requests++;
			this.assetRequests++;
			if (from != pageFrom) {
				this.crossInstanceRequests++;
			}
			this.assetFetches.add(new Fetch(from, url, start, end));
			String problem = problemWith(url, response);
			if (problem != null) {
				fail("GET " + instance + url + ": " + problem + context);
				return null;
			}
			if (!IMMUTABLE.equals(cacheControl(response))) {
				this.notImmutable++;
				if (this.notImmutableExamples.size() < 5) {
					this.notImmutableExamples
						.add(instance + url + " Cache-Control='" + cacheControl(response) + "'" + context);
				}
			}
			return response.body();
		}

		/** Records a failure; past the first 1000 only counts it, so a broken deploy cannot exhaust memory. */
		private void fail(String message) {
			this.failureCount++;
			if (this.failures.size() < 1000) {
				this.failures.add(message);
			}
		}

		long pagesOfVersion(int version) {
			return this.pageFetches.stream().filter((page) -> page.version() == version).count();
		}

		/**
		 * An instance was on version 2 for a request that started after it rendered a version 2
		 * page, and still on version 1 for a request that ended before it began rendering a
		 * version 1 page (a manifest is only ever swapped forward).
		 */
		CrossVersion crossVersion(Set<String> v1Only, Set<String> v2Only) {
			int oldOnNew = 0;
			int newOnOld = 0;
			for (int instance = 0; instance < 2; instance++) {
				int i = instance;
				long firstV2End = this.pageFetches.stream()
					.filter((page) -> page.instance() == i && page.version() == 2)
					.mapToLong(Page::end)
					.min()
					.orElse(Long.MAX_VALUE);
				long lastV1Start = this.pageFetches.stream()
					.filter((page) -> page.instance() == i && page.version() == 1)
					.mapToLong(Page::start)
					.max()
					.orElse(Long.MIN_VALUE);
				for (Fetch fetch : this.assetFetches) {
					if (fetch.instance() != i) {
						continue;
					}
					if (v1Only.contains(fetch.url()) && fetch.start() > firstV2End) {
						oldOnNew++;
					}
					if (v2Only.contains(fetch.url()) && fetch.end() < lastV1Start) {
						newOnOld++;
					}
				}
			}
			return new CrossVersion(oldOnNew, newOnOld);
		}

	}

	private record Fetch(int instance, String url, long start, long end) {
	}

	private record Page(int instance, int version, long start, long end) {
	}

}
