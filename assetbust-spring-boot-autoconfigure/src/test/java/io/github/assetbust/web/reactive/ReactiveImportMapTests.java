package io.github.assetbust.web.reactive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.DispatcherHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code <script assets:importmap>} on WebFlux: a reactive application on Netty whose file-system
 * root of ES modules the startup build hashes; the page ({@code templates/importmap.html}) is
 * rendered by Spring Boot's reactive Thymeleaf and fetched over real HTTP, and every hashed URL the
 * import map gives is fetched too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "assetbust.reload=false" })
class ReactiveImportMapTests {

	private static final String IMMUTABLE = ReactiveStaticLocationsServingTests.IMMUTABLE;

	/** Each module's original path and its content. */
	private static final Map<String, String> MODULES = Map.of("js/app.js",
			"import { greet } from './modules/greeting.js'; greet();", "js/modules/greeting.js",
			"export function greet() {}", "js/modules/esm.mjs", "export const x = 1;");

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	ApplicationContext context;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-reactive-importmap");
			for (Map.Entry<String, String> module : MODULES.entrySet()) {
				write(root, module.getKey(), module.getValue());
			}
			write(root, "css/main.css", "body { color: teal; }");
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(Path root, String path, String content) throws IOException {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", () -> "file:" + ROOT);
		registry.add("assetbust.build.on-startup", () -> "true");
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

	private String page() throws Exception {
		HttpResponse<String> page = LocalHttp.get(this.port, "/importmap");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		return page.body();
	}

	private static JsonNode imports(String html, String id) throws IOException {
		Matcher script = Pattern.compile("<script id=\"" + id + "\"([^>]*)>(.*?)</script>", Pattern.DOTALL)
			.matcher(html);
		assertThat(script.find()).as("script #%s in %s", id, html).isTrue();
		assertThat(script.group(1)).isEqualTo(" type=\"importmap\"");
		JsonNode map = JsonMapper.builder().build().readTree(script.group(2));
		assertThat(map.has("integrity")).isFalse();
		return map.get("imports");
	}

	private static List<String> names(JsonNode imports) {
		List<String> names = new ArrayList<>();
		imports.fieldNames().forEachRemaining(names::add);
		return names;
	}

	@Test
	void runsOnWebFluxWithoutSpringMvc() {
		assertThat(this.context.getBeansOfType(DispatcherHandler.class)).hasSize(1);
		assertThat(this.context.containsBean("dispatcherServlet")).isFalse();
	}

	@Test
	void mapsEveryModulesOriginalUrlToItsHashedUrl() throws Exception {
		JsonNode imports = imports(page(), "all");
		assertThat(names(imports)).containsExactlyInAnyOrder("/js/app.js", "/js/modules/greeting.js",
				"/js/modules/esm.mjs");
		assertThat(imports.get("/js/app.js").asText()).matches("/js/app-[0-9a-f]{32}\\.js")
			.isEqualTo(this.assets.url("js/app.js"));
		assertThat(imports.get("/js/modules/greeting.js").asText()).matches("/js/modules/greeting-[0-9a-f]{32}\\.js")
			.isEqualTo(this.assets.url("js/modules/greeting.js"));
		assertThat(imports.get("/js/modules/esm.mjs").asText()).matches("/js/modules/esm-[0-9a-f]{32}\\.mjs")
			.isEqualTo(this.assets.url("js/modules/esm.mjs"));
	}

	@Test
	void aGlobSelectsTheModules() throws Exception {
		JsonNode imports = imports(page(), "selected");
		assertThat(names(imports)).containsExactlyInAnyOrder("/js/modules/greeting.js", "/js/modules/esm.mjs");
		assertThat(imports.get("/js/modules/greeting.js").asText())
			.isEqualTo(this.assets.url("js/modules/greeting.js"));
	}

	@Test
	void servesEveryHashedUrlOfTheImportMapAsImmutableWithTheModulesBytes() throws Exception {
		JsonNode imports = imports(page(), "all");
		for (Map.Entry<String, String> module : MODULES.entrySet()) {
			String url = imports.get("/" + module.getKey()).asText();
			HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, url);
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(url).hasValue(IMMUTABLE);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(url).isEqualTo(module.getValue());
			assertThat(url).contains("-" + TestDigests.md5(response.body()) + ".");
		}
	}

	@Test
	void theOriginalModuleUrlsTheMapSendsAwayFromStayUnhashedAndNotImmutable() throws Exception {
		HttpResponse<byte[]> response = LocalHttp.getBytes(this.port, "/js/modules/greeting.js");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ImportMapPage.class)
	static class TestApplication {

	}

	/** Renders {@code templates/importmap.html}, with its two import maps, on WebFlux. */
	@Controller
	static class ImportMapPage {

		@GetMapping("/importmap")
		String importmap() {
			return "importmap";
		}

	}

}
