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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.s3.PublishOptions;
import io.github.assetbust.s3.PublishResult;
import io.github.assetbust.s3.Publisher;
import io.github.assetbust.s3.S3Location;
import io.github.assetbust.s3.S3ProxyServer;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site with its assets in object storage: the root is built, published with
 * {@link Publisher} to S3Proxy (a real S3 API server, anonymous read on the bucket, CORS open as a
 * CDN origin is), and the app runs with {@code assetbust.url-prefix} set to the bucket's URL. Every
 * asset URL a template writes is then absolute at the bucket, import map keys included, and
 * headless Chromium loads the page's stylesheets, scripts, ES modules, font and images from the
 * bucket, none from the app, each with the immutable header the publish gave it.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them) and a
 * TrueType font under {@code /usr/share/fonts} (fontconfig's DejaVu, which Chromium brings).
 */
class BucketBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path STATIC_SOURCES = Path.of("src/main/resources/static");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final Pattern ASSET_URL = Pattern.compile("(?:href|src)=\"([^\"]*/(?:css|js|img|fonts)/[^\"]*)\"");

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	private static final Pattern MAPPING = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path root;

	@TempDir
	Path profile;

	private S3ProxyServer server;

	private ConfigurableApplicationContext app;

	private ChromeDriver browser;

	private final List<String> appRequests = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String bucketUrl;

	private Manifest manifest;

	@BeforeEach
	void publishTheSiteAndStartTheApp() throws IOException {
		copyStaticSources();
		addAFont();
		this.manifest = new AssetBuilder(BuildOptions.forRoot(this.root).withCompress(Set.of(Compression.GZIP))).build()
			.manifest();
		this.server = S3ProxyServer.start().createBucket("cdn").publicRead("cdn");
		try (S3Client client = this.server.client()) {
			PublishResult result = new Publisher(client,
					PublishOptions.of(this.root, S3Location.parse("s3://cdn/assets")), Clock.systemUTC())
				.publish();
			assertThat(result.manifestUploaded()).isTrue();
		}
		this.bucketUrl = this.server.endpoint() + "/cdn/assets";
		this.app = new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"assetbust.manifest=file:" + this.root.resolve("asset-manifest.json"),
					"assetbust.url-prefix=" + this.bucketUrl,
					// the app serves no asset: if a page still pointed at it, the browser would get a 404
					"spring.web.resources.static-locations=file:" + this.root.resolve("nothing-here") + "/")
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("appRequests", Filter.class,
					() -> (request, response, chain) -> {
						this.appRequests.add(((HttpServletRequest) request).getRequestURI());
						chain.doFilter(request, response);
					}))
			.run();
	}

	@AfterEach
	void stopEverything() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.app != null) {
			this.app.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void everyAssetUrlATemplateWritesIsAbsoluteAtTheBucketAndAnonymouslyReadableThere() {
		for (String page : List.of("/", "/about")) {
			String html = get(origin() + page).body();
			List<String> urls = new ArrayList<>();
			Matcher asset = ASSET_URL.matcher(html);
			while (asset.find()) {
				urls.add(asset.group(1));
			}
			Matcher importMap = IMPORT_MAP.matcher(html);
			assertThat(importMap.find()).as("%s has an import map", page).isTrue();
			Matcher mapping = MAPPING.matcher(importMap.group(1));
			Map<String, String> imports = new LinkedHashMap<>();
			while (mapping.find()) {
				imports.put(mapping.group(1), mapping.group(2));
			}

			assertThat(urls).as("asset URLs of %s", page)
				.hasSizeGreaterThanOrEqualTo(6)
				.allSatisfy((url) -> assertThat(url).startsWith(this.bucketUrl + "/"));
			assertThat(imports).as("import map of %s: a module's relative import resolves against the bucket", page)
				.containsEntry(this.bucketUrl + "/js/modules/greeting.js",
						this.bucketUrl + "/" + hashed("js/modules/greeting.js"))
				.allSatisfy((original, hashed) -> {
					assertThat(original).startsWith(this.bucketUrl + "/");
					assertThat(hashed).startsWith(this.bucketUrl + "/");
				});
			for (String url : urls) {
				HttpResponse<String> response = get(url);
				assertThat(response.headers().firstValue("Cache-Control")).as(url).hasValue(IMMUTABLE);
			}
		}
		assertThat(this.appRequests).containsExactly("/", "/about");
	}

	@Test
	@Timeout(60)
	void chromiumLoadsThePageStylesheetsScriptsModulesFontAndImagesFromTheBucket() throws IOException {
		this.browser = browser();
		this.browser.get(origin() + "/");
		awaitScriptsRan();
		new WebDriverWait(this.browser, PATIENCE).withMessage("the Brand font loaded from the bucket")
			.until((driver) -> "loaded".equals(script("var status = null; document.fonts.forEach(function (face) {"
					+ " if (face.family.replace(/\"/g, '') === 'Brand') { status = face.status; } }); return status;")));
		new WebDriverWait(this.browser, PATIENCE).withMessage("main.js, an ES module, ran")
			.until((driver) -> script("return document.getElementById('module-status').dataset.loadedFrom") != null);
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/bucket.png"), this.browser.getScreenshotAs(OutputType.BYTES));

		// what the page shows: styles from the bucket's main.css and grid.css, its image, its font
		assertThat(style(".container", "maxWidth")).as("page width from grid.css").isEqualTo("960px");
		assertThat(style(".hero", "backgroundImage")).as("hero tile, referenced from main.css")
			.isEqualTo("url(\"" + this.bucketUrl + "/" + hashed("img/stripes.png") + "\")");
		assertThat(style(".hero h1", "fontFamily")).startsWith("Brand");
		assertThat(script("return document.querySelector('.brand img').naturalWidth")).as("logo").isEqualTo(40L);
		assertThat(script("return document.getElementById('module-status').dataset.loadedFrom"))
			.as("where the browser loaded the imported module from")
			.isEqualTo(URI.create(this.bucketUrl).getPath() + "/" + hashed("js/modules/greeting.js"));

		// what the browser fetched: every asset from the bucket, 200, immutable; nothing but pages from the app
		Map<String, Response> responses = responses();
		List<String> expected = Stream
			.of("css/main.css", "css/layout/grid.css", "js/vendor/util.js", "js/app.js", "js/modules/main.js",
					"js/modules/greeting.js", "img/logo.svg", "img/stripes.png", "fonts/brand.ttf")
			.map((asset) -> this.bucketUrl + "/" + hashed(asset))
			.toList();
		assertThat(responses).containsKeys(expected.toArray(String[]::new));
		for (String url : expected) {
			assertThat(responses.get(url).status()).as(url).isEqualTo(200);
			assertThat(responses.get(url).cacheControl()).as(url).isEqualTo(IMMUTABLE);
		}
		assertThat(responses.keySet()).as("every URL the page loaded")
			.allSatisfy((url) -> assertThat(url).satisfiesAnyOf((u) -> assertThat(u).startsWith(this.bucketUrl + "/"),
					(u) -> assertThat(u).isEqualTo(origin() + "/")));
		assertThat(this.appRequests).as("requests the app saw").containsOnly("/");
		assertThat(consoleMessages()).as("console").noneMatch((message) -> message.contains("Failed")
				|| message.contains("CORS") || message.contains("Error"));
	}

	// --- the site ---

	private void copyStaticSources() throws IOException {
		try (Stream<Path> files = Files.walk(STATIC_SOURCES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = this.root.resolve(STATIC_SOURCES.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	/** A web font the stylesheet uses for the hero's heading: fonts are fetched cross-origin with CORS. */
	private void addAFont() throws IOException {
		Path font;
		try (Stream<Path> fonts = Files.walk(Path.of("/usr/share/fonts"))) {
			font = fonts.filter((file) -> file.getFileName().toString().endsWith(".ttf"))
				.sorted((a, b) -> Boolean.compare(!a.endsWith("DejaVuSans.ttf"), !b.endsWith("DejaVuSans.ttf")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No TrueType font under /usr/share/fonts"));
		}
		Files.createDirectories(this.root.resolve("fonts"));
		Files.copy(font, this.root.resolve("fonts/brand.ttf"));
		Path css = this.root.resolve("css/main.css");
		Files.writeString(css, Files.readString(css, StandardCharsets.UTF_8)
				+ "@font-face { font-family: \"Brand\"; src: url(../fonts/brand.ttf) format(\"truetype\"); }\n"
				+ ".hero h1 { font-family: \"Brand\", serif; }\n", StandardCharsets.UTF_8);
	}

	private String hashed(String original) {
		return this.manifest.assets().get(AssetPath.of(original)).path().toString();
	}

	private String origin() {
		return "http://localhost:" + ((WebServerApplicationContext) this.app).getWebServer().getPort();
	}

	private HttpResponse<String> get(String url) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
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

	private ChromeDriver browser() throws IOException {
		assertThat(CHROMIUM).as("Chromium; install Debian's chromium package (.ci/run does)").isExecutable();
		assertThat(CHROMEDRIVER).as("ChromeDriver; install Debian's chromium-driver package (.ci/run does)")
			.isExecutable();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(this.profile, "chromium-"), "--window-size=1200,900",
				"--hide-scrollbars");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private void awaitScriptsRan() {
		new WebDriverWait(this.browser, PATIENCE).withMessage("app.js listed what the page loaded")
			.until((driver) -> Boolean.TRUE.equals(script("var items = document.querySelectorAll('#loaded-assets li');"
					+ "return document.readyState === 'complete' && items.length >= 5 && Array.prototype.every.call(items,"
					+ " function (item) { return item.textContent.indexOf('\\u2714 ') === 0; });")));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String style(String selector, String property) {
		return (String) script("var element = document.querySelector('" + selector + "');"
				+ "return element ? getComputedStyle(element)['" + property + "'] : 'no element " + selector + "';");
	}

	private List<String> consoleMessages() {
		return this.browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/** The responses Chromium's DevTools log reports, by URL: status and Cache-Control. */
	private Map<String, Response> responses() {
		Map<String, Response> responses = new LinkedHashMap<>();
		for (LogEntry entry : this.browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
			JsonNode message = readTree(entry.getMessage()).path("message");
			if (!message.path("method").asText().equals("Network.responseReceived")) {
				continue;
			}
			JsonNode response = message.path("params").path("response");
			String url = response.path("url").asText();
			if (!url.startsWith("http")) {
				continue;
			}
			String cacheControl = "";
			for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
				if (header.getKey().equalsIgnoreCase("Cache-Control")) {
					cacheControl = header.getValue().asText();
				}
			}
			responses.put(url, new Response(response.path("status").asInt(), cacheControl));
		}
		return responses;
	}

	private static JsonNode readTree(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Response(int status, String cacheControl) {
	}

}
