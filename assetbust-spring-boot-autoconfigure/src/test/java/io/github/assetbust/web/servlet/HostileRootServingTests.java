package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server over a file root whose built tree is tampered with on disk, with real links and
 * dotfiles: nothing outside the root, no link and no dotfile is ever served, whichever handler
 * (hashed copies, their variants, originals) the request reaches; and only successful answers on
 * hashed URLs carry the year-long immutable header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HostileRootServingTests {

	private static final String CSS = ".button { color: rebeccapurple; padding: 1em 2em; }\n".repeat(60);

	private static final String SECRET = "SECRET-OUTSIDE-THE-ROOT";

	private static final Path TEMP = createTemp();

	private static final Path ROOT = TEMP.resolve("html");

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	AssetManifest manifest;

	private static Path createTemp() {
		try {
			Path temp = Files.createTempDirectory("assetbust-hostile");
			Files.writeString(temp.resolve("secret.txt"), SECRET);
			Files.createDirectories(temp.resolve("html/css"));
			Files.writeString(temp.resolve("html/css/main.css"), CSS, StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/other.css"), CSS + "/* other */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/linked.css"), CSS + "/* linked */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/brotli.css"), CSS + "/* brotli */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/older.css"), CSS + "/* older */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/.hidden.css"), SECRET);
			Files.createSymbolicLink(temp.resolve("html/css/out.css"), temp.resolve("secret.txt"));
			Files.createSymbolicLink(temp.resolve("html/outside"), temp);
			return temp;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		registry.add("assetbust.build.root", () -> "file:" + ROOT);
		registry.add("assetbust.build.on-startup", () -> "true");
		registry.add("assetbust.build.compress", () -> "gzip");
	}

	@AfterAll
	static void removeTemp() throws IOException {
		FileSystemUtils.deleteRecursively(TEMP);
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return LocalHttp.get(this.port, path, headers);
	}

	/** Replaces the file at {@code url} under the root with a link to the secret outside it. */
	private Path plantLink(String url) throws IOException {
		Path file = ROOT.resolve(url.substring(1));
		Files.deleteIfExists(file);
		return Files.createSymbolicLink(file, TEMP.resolve("secret.txt"));
	}

	@Test
	void aVariantReplacedByALinkOutOfTheRootIsNeverServed() throws Exception {
		String url = this.assets.url("css/main.css");
		plantLink(url + ".gz");
		HttpResponse<String> response = get(url, "Accept-Encoding", "gzip");
		assertThat(response.body()).doesNotContain(SECRET).isEqualTo(Files.readString(ROOT.resolve(url.substring(1))));
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void aBrotliVariantPlantedAsALinkOutOfTheRootIsNeverServed() throws Exception {
		String url = this.assets.url("css/brotli.css");
		Path hashed = ROOT.resolve(url.substring(1));
		// the build wrote gzip variants only: the link is a .br where there was none (ln -s ... .br)
		assertThat(hashed.resolveSibling(hashed.getFileName() + ".br")).doesNotExist();
		plantLink(url + ".br");
		HttpResponse<String> response = get(url, "Accept-Encoding", "br");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		// the hashed copy itself, which is rightly immutable; never the linked file
		assertThat(response.body()).doesNotContain(SECRET).isEqualTo(Files.readString(hashed));
	}

	@Test
	void aKeptOlderGenerationsCopyReplacedByALinkOutOfTheRootIsNeverServed() throws Exception {
		String older = this.assets.url("css/older.css");
		Files.writeString(ROOT.resolve("css/older.css"), CSS + "/* newer */", StandardCharsets.UTF_8);
		new AssetBuilder(BuildOptions.forRoot(ROOT).withCompress(Set.of(Compression.GZIP))).build();
		this.manifest.load();
		assertThat(this.assets.url("css/older.css")).isNotEqualTo(older);
		// still kept: served as an earlier generation's copy, were it not a link
		assertThat(this.manifest.index().isHashed(older.substring(1))).isTrue();
		plantLink(older);
		for (String[] headers : new String[][] { {}, { "Accept-Encoding", "gzip" } }) {
			HttpResponse<String> response = get(older, headers);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain(SECRET);
			assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("immutable"));
		}
	}

	@Test
	void aHashedCopyReplacedByALinkOutOfTheRootIsANotFoundWithoutTheImmutableHeader() throws Exception {
		String url = this.assets.url("css/linked.css");
		plantLink(url);
		HttpResponse<String> response = get(url);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain(SECRET);
		assertThat(response.headers().firstValue("Cache-Control")).isNotEqualTo(java.util.Optional.of(IMMUTABLE));
	}

	@Test
	void theOriginalUrlServesNoLinkNoDotfileAndNothingThroughAFolderLinkOut() throws Exception {
		assertThat(get("/css/main.css").statusCode()).isEqualTo(200);
		for (String path : new String[] { "/css/out.css", "/css/.hidden.css", "/outside/secret.txt",
				"/.asset-manifest.json.cache.json", "/.asset-manifest.json.generations.json" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain(SECRET);
		}
	}

	@Test
	void aMalformedRangeIsA416WithoutTheImmutableHeader() throws Exception {
		HttpResponse<String> response = get(this.assets.url("css/other.css"), "Range", "bytes=abc");
		assertThat(response.statusCode()).isEqualTo(416);
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("immutable"));
	}

	@Test
	void aFailedPreconditionIsA412WithoutTheImmutableHeader() throws Exception {
		String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2001, 1, 1, 0, 0, 0, 0,
				ZoneOffset.UTC));
		HttpResponse<String> response = get(this.assets.url("css/other.css"), "If-Unmodified-Since", longAgo);
		assertThat(response.statusCode()).isEqualTo(412);
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("immutable"));
	}

	@Test
	void aPartialAnswerIsImmutable() throws Exception {
		HttpResponse<String> response = get(this.assets.url("css/other.css"), "Range", "bytes=0-9");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.body()).isEqualTo(CSS.substring(0, 10));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
	}

	@Test
	void aNotModifiedAnswerIsImmutableAndVariesLikeTheFullOne() throws Exception {
		String url = this.assets.url("css/other.css");
		HttpResponse<String> full = get(url, "Accept-Encoding", "gzip");
		String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
		HttpResponse<String> notModified = get(url, "Accept-Encoding", "gzip", "If-Modified-Since", lastModified);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(full.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(notModified.headers().allValues("Vary")).containsAll(full.headers().allValues("Vary"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
