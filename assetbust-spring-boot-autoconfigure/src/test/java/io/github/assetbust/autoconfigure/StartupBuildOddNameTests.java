package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup build of an application whose root holds one file with a name that is not valid
 * UTF-8 (a name Java cannot spell, written by the shell): that file is skipped with a warning, and
 * every other asset is still hashed, listed in the manifest and served hashed over real HTTP. One
 * such name used to leave the whole site unhashed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class StartupBuildOddNameTests {

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	private static final String CSS = "body { color: teal; }";

	private static final String JS = "console.log('ready');";

	private static final Path ROOT = createRoot();

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	AssetManifest manifest;

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("assetbust-odd-name");
			Files.createDirectories(root.resolve("css"));
			Files.createDirectories(root.resolve("js"));
			Files.writeString(root.resolve("css/site.css"), CSS, StandardCharsets.UTF_8);
			Files.writeString(root.resolve("js/app.js"), JS, StandardCharsets.UTF_8);
			// a name that is not UTF-8: Java cannot spell it, the shell can
			Process shell = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'css/not-utf8-\\377.css')\"")
				.directory(root.toFile())
				.start();
			if (shell.waitFor() != 0) {
				throw new IllegalStateException("The shell could not write a name that is not UTF-8");
			}
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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

	@Test
	void theFileIsOnDiskUnderANameThatIsNotUtf8() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("css"))) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.contains("not-utf8-\uFFFD.css", "site.css");
		}
	}

	@Test
	void theStartupBuildSkipsItWithAWarningAndHashesTheRest(CapturedOutput output) {
		assertThat(this.manifest.index().manifest().assets().keySet()).extracting(AssetPath::toString)
			.containsExactlyInAnyOrder("css/site.css", "js/app.js");
		assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ") && line.contains("Skipped")))
			.singleElement()
			.asString()
			.contains("Skipped css/not-utf8-\uFFFD.css", "not valid in the file system's encoding");
		assertThat(output.getAll()).contains("Hashed assets in " + ROOT + ": 2 assets hashed")
			.contains("; 1 file skipped");
	}

	@Test
	void theOtherAssetsAreServedHashedAndImmutable() throws Exception {
		String css = this.assets.url("css/site.css");
		String js = this.assets.url("js/app.js");
		assertThat(css).matches("/css/site-[0-9a-f]{32}\\.css");
		assertThat(js).matches("/js/app-[0-9a-f]{32}\\.js");
		for (String[] urlAndBody : new String[][] { { css, CSS }, { js, JS } }) {
			HttpResponse<String> response = LocalHttp.get(this.port, urlAndBody[0]);
			assertThat(response.statusCode()).as(urlAndBody[0]).isEqualTo(200);
			assertThat(response.body()).as(urlAndBody[0]).isEqualTo(urlAndBody[1]);
			assertThat(response.headers().firstValue("Cache-Control")).as(urlAndBody[0]).hasValue(IMMUTABLE);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
