package io.github.assetbust.sample.webflux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample in a real browser: headless Chromium, through ChromeDriver, loads the page of
 * the sample started as its user would (no property, so the startup build hashes its static files),
 * sees its own stylesheet, script and images by hashed URL and Bootstrap and Font Awesome from
 * their WebJars by versioned URL, every one of them answered with the one-year immutable header,
 * Font Awesome's font loaded through the relative URL in its CSS, and takes all of them from its
 * cache on a reload without asking the server again.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them).
 */
class WebFluxBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temp;

	private ConfigurableApplicationContext app;

	private ChromeDriver browser;

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	@Timeout(60)
	void chromiumLoadsHashedAssetsAndVersionedWebJarsOnceAndKeepsThem() throws Exception {
		BrowserRequests requests = new BrowserRequests();
		String origin = start(requests);
		ChromeDriver browser = browser();

		browser.get(origin + "/");
		awaitReady(browser);
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/webflux.png"), browser.getScreenshotAs(OutputType.BYTES));
		List<Exchange> first = Exchange.all(performanceLog(browser));

		assertThat(stylesheets(browser)).hasSize(3)
			.startsWith("/webjars/bootstrap/5.3.8/css/bootstrap.min.css",
					"/webjars/font-awesome/4.7.0/css/font-awesome.min.css")
			.last()
			.asString()
			.matches("/css/main-[0-9a-f]{32}\\.css");
		assertThat(style(browser, ".hero h1", "color")).as("main.css applied").isEqualTo("rgb(15, 118, 110)");
		assertThat(style(browser, ".navbar", "display")).as("Bootstrap applied").isEqualTo("flex");
		assertThat(style(browser, ".hero", "backgroundImage")).as("the image main.css references")
			.matches(".*/img/stripes-[0-9a-f]{32}\\.png.*");
		assertThat(style(browser, "#icon", "fontFamily")).contains("FontAwesome");
		assertThat(script(browser, "return document.fonts.check('1em FontAwesome')")).as("Font Awesome's font loaded")
			.isEqualTo(true);

		List<Exchange> assets = first.stream().filter(Exchange::isAsset).toList();
		assertThat(assets).extracting(Exchange::path)
			.contains("/webjars/font-awesome/4.7.0/fonts/fontawesome-webfont.woff2")
			.anyMatch((path) -> path.matches("/js/app-[0-9a-f]{32}\\.js"))
			.anyMatch((path) -> path.matches("/img/logo-[0-9a-f]{32}\\.svg"));
		assertThat(assets).as("every asset of the first visit").allSatisfy((exchange) -> {
			assertThat(exchange.status()).as(exchange.toString()).isEqualTo(200);
			assertThat(exchange.cacheControl()).as(exchange.toString()).isEqualTo(IMMUTABLE);
		});

		browser.navigate().refresh();
		awaitReady(browser);
		browser.get(origin + "/");
		awaitReady(browser);
		List<Exchange> later = Exchange.all(performanceLog(browser));
		assertThat(later.stream().filter(Exchange::isAsset)).as("assets of the reload and the revisit")
			.isNotEmpty()
			.allSatisfy((exchange) -> assertThat(exchange.source()).as(exchange.toString()).isNotEqualTo("network"));
		for (Exchange asset : assets) {
			assertThat(requests.count(asset.path())).as("requests for %s over three loads", asset.path()).isEqualTo(1);
		}
		assertThat(requests.count("/")).isEqualTo(3);
		assertThat(requests.conditional).as("requests that revalidated a cached copy").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<String> stylesheets(ChromeDriver browser) {
		return (List<String>) script(browser,
				"return [...document.querySelectorAll('link[rel=stylesheet]')].map(l => new URL(l.href).pathname)");
	}

	/** The sample as its user starts it, on a free port, building into a folder of this test. */
	private String start(BrowserRequests requests) {
		this.app = new SpringApplicationBuilder(SampleWebFluxApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "assetbust.build.output=" + this.temp)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("browserRequests",
					WebFilter.class, () -> requests))
			.run();
		return "http://localhost:" + this.app.getEnvironment().getProperty("local.server.port");
	}

	private ChromeDriver browser() throws IOException {
		assertThat(CHROMIUM).as("Chromium; install Debian's chromium package (.ci/run does)").isExecutable();
		assertThat(CHROMEDRIVER).as("ChromeDriver; install Debian's chromium-driver package").isExecutable();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				// without these, Chromium reaches out for updates and sync, which fails on a closed network
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(this.temp, "chromium-"), "--window-size=1200,900",
				"--hide-scrollbars");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		return this.browser;
	}

	/** The page loaded, app.js ran and every font the page uses is in. */
	private static void awaitReady(ChromeDriver browser) {
		new WebDriverWait(browser, PATIENCE).withMessage("the page loaded and app.js ran")
			.until((driver) -> Boolean.TRUE.equals(script(browser, "return document.readyState === 'complete'"
					+ " && document.body.dataset.ready === 'true' && document.fonts.status === 'loaded'")));
	}

	private static Object script(ChromeDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static String style(ChromeDriver browser, String selector, String property) {
		return (String) script(browser, "var element = document.querySelector('" + selector + "');"
				+ "return element ? getComputedStyle(element)['" + property + "'] : 'no element " + selector + "';");
	}

	private static List<JsonNode> performanceLog(ChromeDriver browser) {
		return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map((entry) -> {
			try {
				return JSON.readTree(entry.getMessage()).path("message");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	/**
	 * One request as Chromium's DevTools protocol reports it, with where the answer came from:
	 * {@code network}, {@code memory} or {@code disk}.
	 */
	record Exchange(String path, String source, int status, String cacheControl) {

		boolean isAsset() {
			return this.path.startsWith("/css/") || this.path.startsWith("/js/") || this.path.startsWith("/img/")
					|| this.path.startsWith("/webjars/");
		}

		static List<Exchange> all(List<JsonNode> events) {
			Map<String, String> urls = new LinkedHashMap<>();
			Map<String, JsonNode> responses = new LinkedHashMap<>();
			List<String> fromMemory = new ArrayList<>();
			for (JsonNode event : events) {
				JsonNode params = event.path("params");
				String id = params.path("requestId").asText();
				switch (event.path("method").asText()) {
					case "Network.requestWillBeSent" -> urls.put(id, params.path("request").path("url").asText());
					case "Network.requestServedFromCache" -> fromMemory.add(id);
					case "Network.responseReceived" -> responses.put(id, params.path("response"));
					default -> {
					}
				}
			}
			List<Exchange> exchanges = new ArrayList<>();
			urls.forEach((id, url) -> {
				JsonNode response = responses.get(id);
				if (!url.startsWith("http") || response == null) {
					return;
				}
				String source = response.path("fromDiskCache").asBoolean() ? "disk"
						: fromMemory.contains(id) ? "memory" : "network";
				String cacheControl = "";
				for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
					if (header.getKey().equalsIgnoreCase("Cache-Control")) {
						cacheControl = header.getValue().asText();
					}
				}
				exchanges.add(new Exchange(URI.create(url).getPath(), source, response.path("status").asInt(),
						cacheControl));
			});
			return exchanges;
		}

	}

	/** Counts the requests Chromium sends the server, before they are answered. */
	static final class BrowserRequests implements WebFilter {

		final List<String> paths = new CopyOnWriteArrayList<>();

		final List<String> conditional = new CopyOnWriteArrayList<>();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			String agent = exchange.getRequest().getHeaders().getFirst("User-Agent");
			if (agent != null && agent.contains("Chrome")) {
				String path = exchange.getRequest().getPath().value();
				this.paths.add(path);
				if (exchange.getRequest().getHeaders().getIfNoneMatch().size() > 0
						|| exchange.getRequest().getHeaders().getFirst("If-Modified-Since") != null) {
					this.conditional.add(path);
				}
			}
			return chain.filter(exchange);
		}

		long count(String path) {
			return this.paths.stream().filter(path::equals).count();
		}

	}

}
