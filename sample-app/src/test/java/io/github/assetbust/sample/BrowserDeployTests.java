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
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser after a deploy: headless Chromium, driven through ChromeDriver, loads the
 * running sample site, the site's main.css is changed and rebuilt while the app runs, and the same
 * browser reloads the page. The browser must show the new style at once, and take every hashed
 * asset that did not change from its cache instead of asking the server again. With
 * {@code assetbust.integrity=true}, Chromium must accept the integrity values the attribute
 * processors write, and block a hashed copy whose bytes were tampered with.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them) and
 * fails, rather than skips, without them.
 */
class BrowserDeployTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path STATIC_SOURCES = Path.of("src/main/resources/static");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** Upper bound of every wait; a wait ends as soon as its condition holds. */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	/** The header background main.css gives before the deploy, and after it. */
	private static final String WHITE = "rgb(255, 255, 255)";

	private static final String PINK = "rgb(219, 39, 119)";

	/** The hashed assets that every page load needs and the deploy leaves unchanged. */
	private static final List<String> UNCHANGED = List.of("css/layout/grid.css", "js/vendor/util.js", "js/app.js",
			"js/modules/main.js", "js/modules/greeting.js", "img/logo.svg", "img/stripes.png");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path root;

	@TempDir
	Path profiles;

	private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

	private final List<ChromeDriver> browsers = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stopEverything() {
		for (ChromeDriver browser : this.browsers) {
			try {
				browser.quit();
			}
			catch (RuntimeException ex) {
				System.err.println("Could not quit Chromium: " + ex);
			}
		}
		this.apps.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	@Timeout(45)
	void aReloadAfterADeployShowsTheNewStylesheetAndTakesUnchangedAssetsFromTheBrowserCache() throws Exception {
		copyStaticSources();
		BrowserRequests requests = new BrowserRequests();
		String origin = start(requests, false);
		Map<String, Asset> v1 = manifest();
		ChromeDriver browser = browser();

		// 1: the first visit
		browser.get(origin + "/");
		awaitScriptsRan(browser);
		assertThat(stylesheetHref(browser, "/css/main-")).isEqualTo(origin + "/" + v1.get("css/main.css").path());
		assertThat(style(browser, ".site-header", "backgroundColor")).as("header background from main.css v1")
			.isEqualTo(WHITE);
		assertThat(style(browser, ".container", "maxWidth")).as("page width from grid.css").isEqualTo("960px");
		assertThat(style(browser, ".hero", "backgroundImage")).as("hero tile from main.css")
			.contains("/" + v1.get("img/stripes.png").path());
		screenshot(browser, "before.png");
		List<Exchange> firstVisit = Exchange.all(performanceLog(browser));

		// 2: the deploy: main.css changes, the root is rebuilt while the app runs
		changeMainCss();
		new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Map<String, Asset> v2 = manifest();
		String v1MainCss = "/" + v1.get("css/main.css").path();
		String v2MainCss = "/" + v2.get("css/main.css").path();
		assertThat(v2MainCss).isNotEqualTo(v1MainCss);
		for (String asset : UNCHANGED) {
			assertThat(v2.get(asset)).as("%s after the deploy", asset).isEqualTo(v1.get(asset));
		}
		awaitPageLinking(origin, v2MainCss);

		// 3: the same browser reloads the page
		browser.navigate().refresh();
		awaitScriptsRan(browser);
		assertThat(stylesheetHref(browser, "/css/main-")).isEqualTo(origin + v2MainCss);
		assertThat(style(browser, ".site-header", "backgroundColor")).as("header background from main.css v2")
			.isEqualTo(PINK);
		assertThat(style(browser, ".container", "maxWidth")).as("page width from grid.css").isEqualTo("960px");
		assertThat(style(browser, ".hero", "backgroundImage")).as("hero tile, now referenced from main.css v2")
			.contains("/" + v1.get("img/stripes.png").path());
		screenshot(browser, "after.png");
		List<Exchange> reload = Exchange.all(performanceLog(browser));

		// 4: the browser opens the page again, as following a link to it would
		browser.get(origin + "/");
		awaitScriptsRan(browser);
		assertThat(style(browser, ".site-header", "backgroundColor")).isEqualTo(PINK);
		List<Exchange> revisit = Exchange.all(performanceLog(browser));

		report("first visit", firstVisit);
		report("reload", reload);
		report("revisit", revisit);
		System.out.println("Requests the server saw from Chromium: " + requests.hits);

		// what Chromium says it did: the first visit fetched every asset from the server, with the
		// immutable header (the favicon, the logo again, then comes from the disk cache); later
		// loads fetched the page and the new main.css, and took everything else from the cache
		for (String asset : UNCHANGED) {
			String url = "/" + v1.get(asset).path();
			assertThat(Exchange.of(firstVisit, url)).as("%s on the first visit", url)
				.filteredOn((exchange) -> exchange.source() == Source.NETWORK)
				.singleElement()
				.satisfies((exchange) -> {
					assertThat(exchange.status()).isEqualTo(200);
					assertThat(exchange.cacheControl()).isEqualTo(IMMUTABLE);
				});
			for (List<Exchange> later : List.of(reload, revisit)) {
				assertThat(Exchange.of(later, url)).as("%s on a later load", url)
					.isNotEmpty()
					.allSatisfy((exchange) -> assertThat(exchange.source()).isIn(Source.MEMORY_CACHE, Source.DISK_CACHE));
			}
		}
		for (List<Exchange> load : List.of(firstVisit, reload, revisit)) {
			assertThat(Exchange.of(load, "/")).as("the page itself, on every load")
				.singleElement()
				.satisfies((exchange) -> assertThat(exchange.source()).isEqualTo(Source.NETWORK));
		}
		assertThat(Exchange.of(firstVisit, v1MainCss)).singleElement()
			.satisfies((exchange) -> assertThat(exchange.source()).isEqualTo(Source.NETWORK));
		assertThat(Exchange.of(reload, v1MainCss)).as("main.css v1 on the reload").isEmpty();
		assertThat(Exchange.of(reload, v2MainCss)).singleElement().satisfies((exchange) -> {
			assertThat(exchange.source()).isEqualTo(Source.NETWORK);
			assertThat(exchange.status()).isEqualTo(200);
			assertThat(exchange.cacheControl()).isEqualTo(IMMUTABLE);
		});
		assertThat(Exchange.of(revisit, v2MainCss)).as("main.css v2 on the revisit")
			.isNotEmpty()
			.allSatisfy((exchange) -> assertThat(exchange.source()).isIn(Source.MEMORY_CACHE, Source.DISK_CACHE));

		// what the server saw: each hashed copy asked for exactly once over all three loads
		for (String asset : UNCHANGED) {
			assertThat(requests.count("/" + v1.get(asset).path())).as("requests for the unchanged %s", asset)
				.isEqualTo(1);
		}
		assertThat(requests.count(v1MainCss)).as("requests for main.css v1").isEqualTo(1);
		assertThat(requests.count(v2MainCss)).as("requests for main.css v2").isEqualTo(1);
		assertThat(requests.count("/")).as("requests for the page itself").isEqualTo(3);
		assertThat(requests.hits).as("requests from Chromium that asked to revalidate a cached copy")
			.noneMatch(BrowserRequests.Hit::conditional);
		assertThat(Stream.of(firstVisit, reload, revisit).flatMap(List::stream))
			.as("responses Chromium got, from the server or its cache")
			.allSatisfy((exchange) -> assertThat(exchange.status()).as(exchange.toString()).isEqualTo(200));
	}

	@Test
	@Timeout(45)
	void anEsModuleImportLoadsTheHashedCopyThroughTheImportMap() throws Exception {
		copyStaticSources();
		BrowserRequests requests = new BrowserRequests();
		String origin = start(requests, false);
		Map<String, Asset> assets = manifest();
		String greeting = "/" + assets.get("js/modules/greeting.js").path();
		assertThat(greeting).matches("/js/modules/greeting-[0-9a-f]{32}\\.js");

		ChromeDriver browser = browser();
		browser.get(origin + "/");
		awaitScriptsRan(browser);
		new WebDriverWait(browser, PATIENCE).withMessage("main.js, an ES module, ran")
			.until((driver) -> script(browser, "return document.getElementById('module-status').dataset.loadedFrom")
					!= null);
		// import.meta.url of the imported module: where the browser really loaded it from
		assertThat(script(browser, "return document.getElementById('module-status').dataset.loadedFrom"))
			.isEqualTo(greeting);
		assertThat((String) script(browser, "return document.getElementById('module-status').textContent"))
			.startsWith("ES module loaded greeting.js from " + greeting);
		assertThat(script(browser, "return document.querySelector('script[type=importmap]').textContent"))
			.asString()
			.contains("\"/js/modules/greeting.js\" : \"" + greeting + "\"");
		assertThat(requests.count(greeting)).as("requests for the hashed greeting.js").isEqualTo(1);
		assertThat(requests.count("/js/modules/greeting.js")).as("requests for the unhashed greeting.js").isZero();
		assertThat(consoleMessages(browser)).as("console")
			.noneMatch((message) -> message.contains("Failed") || message.contains("Error"));
	}

	@Test
	@Timeout(45)
	void chromiumAcceptsTheIntegrityValuesAndBlocksATamperedHashedCopy() throws Exception {
		copyStaticSources();
		BrowserRequests requests = new BrowserRequests();
		String origin = start(requests, true);
		Map<String, Asset> assets = manifest();
		Asset grid = assets.get("css/layout/grid.css");
		Asset util = assets.get("js/vendor/util.js");

		// the untouched site: the integrity values are right, so everything loads
		ChromeDriver browser = browser();
		browser.get(origin + "/");
		awaitScriptsRan(browser);
		assertThat(attributes(browser, "link[href$='/" + grid.path() + "']"))
			.containsEntry("integrity", grid.integrity())
			.containsEntry("crossorigin", "anonymous");
		assertThat(attributes(browser, "script[src$='/" + util.path() + "']"))
			.containsEntry("integrity", util.integrity())
			.containsEntry("crossorigin", "anonymous");
		// browsers check integrity on stylesheets and scripts only, so images have none to write
		assertThat(assets.get("img/logo.svg").integrity()).isEmpty();
		assertThat(attributes(browser, "img[src$='/" + assets.get("img/logo.svg").path() + "']"))
			.doesNotContainKeys("integrity", "crossorigin");
		// #assets.url and the assets bean write only the URL
		assertThat(attributes(browser, "link[href$='/" + assets.get("css/main.css").path() + "']"))
			.doesNotContainKeys("integrity", "crossorigin");
		assertThat(attributes(browser, "script[src$='/" + assets.get("js/app.js").path() + "']"))
			.doesNotContainKeys("integrity", "crossorigin");
		assertThat(grid.integrity()).isEqualTo(sha384(this.root.resolve(grid.path())));
		assertThat(util.integrity()).isEqualTo(sha384(this.root.resolve(util.path())));
		assertThat(style(browser, ".container", "maxWidth")).as("page width from grid.css").isEqualTo("960px");
		assertThat(script(browser, "return document.querySelector('.brand img').naturalWidth"))
			.as("logo").isEqualTo(40L);
		assertThat(consoleMessages(browser)).as("console of the untouched site")
			.noneMatch((message) -> message.contains("integrity"));

		// tamper with two hashed copies on disk: same names, other bytes
		Path gridCopy = this.root.resolve(grid.path());
		Path utilCopy = this.root.resolve(util.path());
		byte[] tamperedCss = (Files.readString(gridCopy) + "\n.container { max-width: 480px; }\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tamperedJs = (Files.readString(utilCopy) + "\nwindow.tampered = true;\n").getBytes(StandardCharsets.UTF_8);
		Files.write(gridCopy, tamperedCss);
		Files.write(utilCopy, tamperedJs);
		assertThat(get(origin + "/" + grid.path()).body()).as("the server now serves the tampered grid.css")
			.isEqualTo(tamperedCss);
		assertThat(get(origin + "/" + util.path()).body()).as("the server now serves the tampered util.js")
			.isEqualTo(tamperedJs);

		// a browser without the good copies in its cache gets the tampered ones and must refuse them
		int before = requests.hits.size();
		ChromeDriver fresh = browser();
		fresh.get(origin + "/");
		awaitDocumentComplete(fresh);
		screenshot(fresh, "tampered.png");
		List<String> console = consoleMessages(fresh);
		System.out.println("Console with tampered copies: " + console);
		assertThat(requests.since(before)).as("Chromium asked the server for the tampered copies")
			.contains("/" + grid.path(), "/" + util.path());
		assertThat(style(fresh, ".container", "maxWidth")).as("page width: the tampered grid.css is not applied")
			.isEqualTo("none");
		assertThat(script(fresh, "return typeof window.tampered")).as("the tampered util.js did not run")
			.isEqualTo("undefined");
		assertThat(script(fresh, "return typeof window.assetbustUtil")).as("util.js did not run at all")
			.isEqualTo("undefined");
		assertThat(script(fresh, "return document.getElementById('loaded-assets').textContent.trim()"))
			.as("app.js, which needs util.js, filled no list")
			.isEqualTo("Turn on JavaScript to see the list.");
		assertThat(style(fresh, ".site-header", "backgroundColor")).as("main.css, which was not tampered with")
			.isEqualTo(WHITE);
		assertThat(console).as("console with tampered copies")
			.anySatisfy((message) -> assertThat(message).contains("Failed to find a valid digest")
				.contains("integrity")
				.contains(grid.path()))
			.anySatisfy((message) -> assertThat(message).contains("Failed to find a valid digest")
				.contains("integrity")
				.contains(util.path()));
	}

	// --- the site ---

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

	/** Starts the sample app over the root, building it at startup and reloading its manifest. */
	private String start(BrowserRequests requests, boolean integrity) {
		String location = "file:" + this.root.toAbsolutePath() + "/";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "assetbust.build.root=" + location,
					"assetbust.build.on-startup=true", "assetbust.manifest=" + location + "asset-manifest.json",
					"assetbust.reload=true", "assetbust.integrity=" + integrity,
					// serve only the root, not the copies the Maven goal packaged on the class path
					"spring.web.resources.static-locations=" + location)
			.initializers((applicationContext) -> ((GenericApplicationContext) applicationContext)
				.registerBean("browserRequests", Filter.class, () -> requests))
			.run();
		this.apps.add(context);
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** A visible change: a pink header with white text, and a pink accent colour. */
	private void changeMainCss() throws IOException {
		Path css = this.root.resolve("css/main.css");
		String original = Files.readString(css, StandardCharsets.UTF_8);
		String changed = original.replace("--accent: #4f46e5;", "--accent: #db2777;")
			.replace(".site-header { background: var(--paper);", ".site-header { background: #db2777;")
			.replace(".site-nav a { margin-left: 1.2rem; text-decoration: none; color: var(--muted); }",
					".site-nav a { margin-left: 1.2rem; text-decoration: none; color: #fce7f3; }")
			.replace(".site-nav a[aria-current=\"page\"] { color: var(--ink);",
					".site-nav a[aria-current=\"page\"] { color: #ffffff;")
			+ ".site-header .brand { color: #ffffff; }\n";
		assertThat(changed).contains(".site-header { background: #db2777;", "color: #fce7f3", "{ color: #ffffff;");
		Files.writeString(css, "/* version 2: a pink header */\n" + changed, StandardCharsets.UTF_8);
	}

	/** The root's manifest, read with plain Jackson: original path to hashed path and integrity. */
	private Map<String, Asset> manifest() throws IOException {
		JsonNode assets = JSON.readTree(Files.readString(this.root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME)))
			.path("assets");
		Map<String, Asset> manifest = new LinkedHashMap<>();
		assets.properties()
			.forEach((entry) -> manifest.put(entry.getKey(),
					new Asset(entry.getValue().path("path").asText(), entry.getValue().path("integrity").asText())));
		assertThat(manifest).containsKeys(UNCHANGED.toArray(String[]::new)).containsKey("css/main.css");
		return manifest;
	}

	/** Waits until the running app renders pages that link {@code url}: it reloaded the manifest. */
	private void awaitPageLinking(String origin, String url) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		String page = null;
		while (System.nanoTime() < deadline) {
			page = new String(get(origin + "/").body(), StandardCharsets.UTF_8);
			if (SiteClient.assetLinks(page).contains(url)) {
				return;
			}
			Thread.sleep(50);
		}
		assertThat(SiteClient.assetLinks(page)).as("links of the page %s after the deploy", PATIENCE).contains(url);
	}

	/** The Subresource Integrity value of a file, computed here rather than trusted from the manifest. */
	private static String sha384(Path file) throws IOException, NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-384").digest(Files.readAllBytes(file));
		return "sha384-" + Base64.getEncoder().encodeToString(digest);
	}

	private HttpResponse<byte[]> get(String url) {
		try {
			HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// --- the browser ---

	/** A new headless Chromium with a profile of its own, so with an empty cache. */
	private ChromeDriver browser() throws IOException {
		assertThat(CHROMIUM).as("Chromium; install Debian's chromium package (.ci/run does)").isExecutable();
		assertThat(CHROMEDRIVER).as("ChromeDriver; install Debian's chromium-driver package (.ci/run does)")
			.isExecutable();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				// without these, Chromium reaches out for updates and sync, which fails on a closed network
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(this.profiles, "chromium-"), "--window-size=1200,900",
				// screenshots for the README look like the page, without a scrollbar
				"--hide-scrollbars");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		this.browsers.add(driver);
		return driver;
	}

	private static void awaitDocumentComplete(ChromeDriver browser) {
		new WebDriverWait(browser, PATIENCE)
			.until((driver) -> "complete".equals(script(browser, "return document.readyState")));
	}

	/** Waits for the page to load and app.js to fill its list of loaded assets, all of them hashed. */
	private static void awaitScriptsRan(ChromeDriver browser) {
		awaitDocumentComplete(browser);
		new WebDriverWait(browser, PATIENCE).withMessage("app.js listed what the page loaded")
			.until((driver) -> Boolean.TRUE.equals(script(browser,
					"var items = document.querySelectorAll('#loaded-assets li');"
							+ "return items.length >= 5 && Array.prototype.every.call(items,"
							+ " function (item) { return item.textContent.indexOf('\\u2714 ') === 0; });")));
	}

	private static Object script(ChromeDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static String style(ChromeDriver browser, String selector, String property) {
		return (String) script(browser, "var element = document.querySelector('" + selector + "');"
				+ "return element ? getComputedStyle(element)['" + property + "'] : 'no element " + selector + "';");
	}

	private static String stylesheetHref(ChromeDriver browser, String pathStart) {
		return (String) script(browser,
				"var link = document.querySelector('link[rel=stylesheet][href^=\"" + pathStart + "\"]');"
						+ "return link ? link.href : null;");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> attributes(ChromeDriver browser, String selector) {
		Object attributes = script(browser, "var element = document.querySelector(\"" + selector + "\");"
				+ "if (!element) { return null; }"
				+ "var result = {}; for (var i = 0; i < element.attributes.length; i++) {"
				+ " result[element.attributes[i].name] = element.attributes[i].value; } return result;");
		assertThat(attributes).as("element %s", selector).isNotNull();
		return (Map<String, String>) attributes;
	}

	private static void screenshot(ChromeDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	/** The console messages since the last call. */
	private static List<String> consoleMessages(ChromeDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/** The DevTools events of the performance log since the last call. */
	private static List<JsonNode> performanceLog(ChromeDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.PERFORMANCE)
			.getAll()
			.stream()
			.map((entry) -> readTree(entry.getMessage()).path("message"))
			.toList();
	}

	private static JsonNode readTree(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void report(String load, List<Exchange> exchanges) {
		System.out.println("Chromium, " + load + ":");
		exchanges.forEach((exchange) -> System.out.println("  " + exchange));
	}

	// --- what was seen ---

	private record Asset(String path, String integrity) {
	}

	/** Where Chromium took a response from. */
	enum Source {

		NETWORK, DISK_CACHE, MEMORY_CACHE

	}

	/**
	 * One request as Chromium's DevTools protocol reports it: {@code Network.requestWillBeSent},
	 * then {@code Network.requestServedFromCache} if it came from a cache, then
	 * {@code Network.responseReceived}, whose response says {@code fromDiskCache}. A request still
	 * without a response when the log was read (a favicon fetched after the load event, say) is
	 * left out; the server's count covers it.
	 */
	record Exchange(String requestId, String path, String type, Source source, int status, String cacheControl) {

		static List<Exchange> all(List<JsonNode> events) {
			Map<String, JsonNode> sent = new LinkedHashMap<>();
			Map<String, JsonNode> responses = new LinkedHashMap<>();
			List<String> servedFromCache = new ArrayList<>();
			for (JsonNode event : events) {
				String method = event.path("method").asText();
				JsonNode params = event.path("params");
				String id = params.path("requestId").asText();
				switch (method) {
					case "Network.requestWillBeSent" -> sent.put(id, params);
					case "Network.requestServedFromCache" -> servedFromCache.add(id);
					case "Network.responseReceived" -> responses.put(id, params);
					default -> {
					}
				}
			}
			List<Exchange> exchanges = new ArrayList<>();
			sent.forEach((id, request) -> {
				String url = request.path("request").path("url").asText();
				if (!url.startsWith("http") || !responses.containsKey(id)) {
					return;
				}
				JsonNode response = responses.get(id).path("response");
				Source source = response.path("fromDiskCache").asBoolean() ? Source.DISK_CACHE
						: servedFromCache.contains(id) ? Source.MEMORY_CACHE : Source.NETWORK;
				int status = response.path("status").asInt();
				String cacheControl = header(response.path("headers"), "Cache-Control");
				exchanges.add(new Exchange(id, URI.create(url).getPath(), request.path("type").asText(), source,
						status, cacheControl));
			});
			return exchanges;
		}

		private static String header(JsonNode headers, String name) {
			for (Map.Entry<String, JsonNode> header : headers.properties()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().asText();
				}
			}
			return "";
		}

		static List<Exchange> of(List<Exchange> exchanges, String path) {
			return exchanges.stream().filter((exchange) -> exchange.path().equals(path)).toList();
		}

	}

	/** Records the requests Chromium sends the server. */
	static final class BrowserRequests implements Filter {

		final List<Hit> hits = new CopyOnWriteArrayList<>();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest http = (HttpServletRequest) request;
			String agent = http.getHeader("User-Agent");
			if (agent != null && agent.contains("Chrome")) {
				// counted before the response goes out, so a test that saw the response sees the count
				this.hits.add(new Hit(http.getRequestURI(),
						http.getHeader("If-None-Match") != null || http.getHeader("If-Modified-Since") != null));
			}
			chain.doFilter(request, response);
		}

		long count(String path) {
			return this.hits.stream().filter((hit) -> hit.path().equals(path)).count();
		}

		List<String> since(int index) {
			return this.hits.subList(index, this.hits.size()).stream().map(Hit::path).collect(Collectors.toList());
		}

		/** A request for {@code path}; {@code conditional} if it asked to revalidate a cached copy. */
		record Hit(String path, boolean conditional) {
		}

	}

}
