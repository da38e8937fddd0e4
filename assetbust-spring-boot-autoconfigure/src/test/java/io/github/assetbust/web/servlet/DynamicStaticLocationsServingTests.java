package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.resolve.TestDigests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dynamic mode without a build root: Spring Boot's static locations, here a folder on disk (as
 * {@code file:src/main/resources/static/} would be in development) and {@code classpath:/static/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "assetbust.mode=dynamic", "assetbust.strict=true" })
class DynamicStaticLocationsServingTests {

	private static final String CLASSPATH_CSS = "p { color: olive; }\n";

	private static final Path FOLDER = createFolder();

	@LocalServerPort
	int port;

	private static Path createFolder() {
		try {
			Path folder = Files.createTempDirectory("assetbust-static");
			Files.createDirectories(folder.resolve("css"));
			Files.writeString(folder.resolve("css/disk.css"), "a { }", StandardCharsets.UTF_8);
			Files.createDirectories(folder.resolve("js"));
			Files.writeString(folder.resolve("js/app.js"), "let app;", StandardCharsets.UTF_8);
			return folder;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void staticLocations(DynamicPropertyRegistry registry) {
		registry.add("spring.web.resources.static-locations", () -> "file:" + FOLDER + "/,classpath:/static/");
	}

	@AfterAll
	static void removeFolder() throws IOException {
		FileSystemUtils.deleteRecursively(FOLDER);
	}

	@Test
	void resolvesAndServesAClasspathStaticFile() throws Exception {
		String url = DynamicPage.stylesheetUrl(this.port, "css/classpath.css");
		assertThat(url).isEqualTo("/css/classpath-" + TestDigests.md5(CLASSPATH_CSS) + ".css");
		HttpResponse<String> hashed = DynamicPage.get(this.port, url);
		assertThat(hashed.statusCode()).isEqualTo(200);
		assertThat(hashed.body()).isEqualTo(CLASSPATH_CSS);
		assertThat(hashed.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		HttpResponse<String> plain = DynamicPage.get(this.port, "/css/classpath.css");
		assertThat(plain.body()).isEqualTo(CLASSPATH_CSS);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void anEditInAStaticFolderOnDiskShowsOnTheNextRender() throws Exception {
		String before = DynamicPage.stylesheetUrl(this.port, "disk.css");
		assertThat(before).isEqualTo("/css/disk-" + TestDigests.md5("a { }") + ".css");
		Files.writeString(FOLDER.resolve("css/disk.css"), "a { color: blue; }", StandardCharsets.UTF_8);
		String after = DynamicPage.stylesheetUrl(this.port, "disk.css");
		assertThat(after).isEqualTo("/css/disk-" + TestDigests.md5("a { color: blue; }") + ".css");
		assertThat(DynamicPage.get(this.port, after).body()).isEqualTo("a { color: blue; }");
		assertThat(DynamicPage.get(this.port, before).statusCode()).isEqualTo(404);
	}

	@Test
	void strictModeFailsThePageForAFileThatDoesNotExist() throws Exception {
		HttpResponse<String> page = DynamicPage.get(this.port, "/page?css=css/nope.css");
		assertThat(page.statusCode()).isEqualTo(500);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DynamicPage.class)
	static class TestApplication {

	}

}
