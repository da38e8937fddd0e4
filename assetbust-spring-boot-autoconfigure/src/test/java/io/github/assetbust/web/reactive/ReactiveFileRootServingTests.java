package io.github.assetbust.web.reactive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.web.servlet.LocalHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reactive application on Netty whose assets live in a file-system root that the startup build
 * hashes, with gzip and Brotli variants, real links and dotfiles, fetched over real HTTP: hashed
 * copies, their variants, earlier generations and the stale fallback as Spring MVC serves them,
 * only successful answers immutable, and nothing outside the rule ever served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "assetbust.reload=false" })
class ReactiveFileRootServingTests {

	private static final String IMMUTABLE = ReactiveStaticLocationsServingTests.IMMUTABLE;

	private static final String CSS = ".button { color: rebeccapurple; padding: 1em 2em; }\n".repeat(60);

	private static final String SECRET = "SECRET-OUTSIDE-THE-ROOT";

	private static final Path TEMP = createTemp();

	private static final Path ROOT = TEMP.resolve("html");

	@LocalServerPort
	int port;

	@Autowired
	AssetResolver assets;

	@Autowired
	AssetManifest manifest;

	private static Path createTemp() {
		try {
			Path temp = Files.createTempDirectory("assetbust-reactive");
			Files.writeString(temp.resolve("secret.txt"), SECRET);
			Files.createDirectories(temp.resolve("html/css"));
			Files.createDirectories(temp.resolve("html/js"));
			Files.writeString(temp.resolve("html/css/main.css"), CSS, StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/other.css"), CSS + "/* other */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/tiny.css"), "a{}", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/my file #1.css"), "p { margin: 0; }", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/deploy.css"), "body { color: red; }", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/css/older.css"), CSS + "/* older */", StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("html/js/app.js"), "console.log('ready');\n".repeat(80),
					StandardCharsets.UTF_8);
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
		registry.add("assetbust.build.compress", () -> "gzip,br");
	}

	@AfterAll
	static void removeTemp() throws IOException {
		FileSystemUtils.deleteRecursively(TEMP);
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		return LocalHttp.getBytes(this.port, path, headers);
	}

	private byte[] hashedBytes(String original) throws IOException {
		return Files.readAllBytes(ROOT.resolve(this.assets.url(original).substring(1)));
	}

	@Test
	void servesAHashedCopyAsImmutableUnderTheMd5OfItsBytes() throws Exception {
		String url = this.assets.url("css/main.css");
		HttpResponse<byte[]> response = get(url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(url).isEqualTo("/css/main-" + TestDigests.md5(response.body()) + ".css");
	}

	@Test
	void servesANameThatAUrlMustEncode() throws Exception {
		String url = this.assets.url("css/my file #1.css");
		assertThat(url).matches("/css/my%20file%20%231-[0-9a-f]{32}\\.css");
		HttpResponse<byte[]> response = get(url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("p { margin: 0; }");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
	}

	@Test
	void servesTheOriginalFromTheRootWithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = get("/css/main.css", "Accept-Encoding", "br, gzip");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(CSS);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void servesTheBrotliVariantToABrowserThatListsGzipFirst() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"), "Accept-Encoding", "gzip, deflate, br, zstd");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(unbrotli(response.body())).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void servesTheGzipVariantWhenBrotliIsRefused() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("js/app.js"), "Accept-Encoding", "br;q=0, gzip;q=0.8");
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(gunzip(response.body())).isEqualTo(hashedBytes("js/app.js"));
	}

	@Test
	void servesThePlainFileWithoutAcceptEncodingAndStillVaries() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/main.css"));
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(response.body()).isEqualTo(hashedBytes("css/main.css"));
	}

	@Test
	void answersAHeadRequestWithTheHeadersOfAGet() throws Exception {
		HttpResponse<Void> plain = LocalHttp.head(this.port, this.assets.url("css/main.css"));
		HttpResponse<Void> variant = LocalHttp.head(this.port, this.assets.url("css/main.css"), "Accept-Encoding", "br");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(variant.statusCode()).isEqualTo(200);
		assertThat(variant.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(variant.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
	}

	@Test
	void aFileWithoutVariantsDoesNotVary() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/tiny.css"), "Accept-Encoding", "br, gzip");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.headers().allValues("Vary")).doesNotContain("Accept-Encoding");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("a{}");
	}

	@Test
	void servesThePreviousGenerationAsImmutableAfterADeploy() throws Exception {
		String before = this.assets.url("css/deploy.css");
		Files.writeString(ROOT.resolve("css/deploy.css"), "body { color: blue; }", StandardCharsets.UTF_8);
		new AssetBuilder(BuildOptions.forRoot(ROOT)).build();
		this.manifest.load();
		String after = this.assets.url("css/deploy.css");
		assertThat(after).isNotEqualTo(before);
		HttpResponse<byte[]> old = get(before);
		assertThat(old.statusCode()).isEqualTo(200);
		assertThat(new String(old.body(), StandardCharsets.UTF_8)).isEqualTo("body { color: red; }");
		assertThat(old.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(new String(get(after).body(), StandardCharsets.UTF_8)).isEqualTo("body { color: blue; }");
	}

	@Test
	void aHashedNameOfAGenerationThisServerNeverHadGetsTheCurrentCopyNeverCached() throws Exception {
		HttpResponse<byte[]> response = get("/css/tiny-00000000000000000000000000000000.css");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("a{}");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void aHashedLookingNameOfNoAssetIsNotFound() throws Exception {
		HttpResponse<byte[]> response = get("/css/none-00000000000000000000000000000000.css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
	}

	@Test
	void servesNoLinkNoDotfileNothingAboveTheRootAndNoBuildState() throws Exception {
		for (String path : new String[] { "/css/out.css", "/css/.hidden.css", "/outside/secret.txt", "/../secret.txt",
				"/css/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt", "/.asset-manifest.json.cache.json",
				"/.asset-manifest.json.generations.json" }) {
			HttpResponse<byte[]> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(400, 404);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).doesNotContain(SECRET);
		}
	}

	@Test
	void aVariantReplacedByALinkOutOfTheRootIsNeverServed() throws Exception {
		String url = this.assets.url("css/other.css");
		Path variant = ROOT.resolve(url.substring(1) + ".gz");
		Path moved = TEMP.resolve("other.gz");
		Files.move(variant, moved);
		Files.createSymbolicLink(variant, TEMP.resolve("secret.txt"));
		try {
			HttpResponse<byte[]> response = get(url, "Accept-Encoding", "gzip");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
			assertThat(response.body()).isEqualTo(hashedBytes("css/other.css"));
		}
		finally {
			Files.delete(variant);
			Files.move(moved, variant);
		}
	}

	@Test
	void aBrotliVariantReplacedByALinkOutOfTheRootIsNeverServed() throws Exception {
		String url = this.assets.url("css/other.css");
		Path variant = ROOT.resolve(url.substring(1) + ".br");
		Path moved = TEMP.resolve("other.br");
		Files.move(variant, moved);
		Files.createSymbolicLink(variant, TEMP.resolve("secret.txt"));
		try {
			HttpResponse<byte[]> response = get(url, "Accept-Encoding", "br");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
			// the hashed copy itself, which is rightly immutable; never the linked file
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
			assertThat(response.body()).isEqualTo(hashedBytes("css/other.css"));
		}
		finally {
			Files.delete(variant);
			Files.move(moved, variant);
		}
	}

	@Test
	void aKeptOlderGenerationsCopyReplacedByALinkOutOfTheRootIsNeverServed() throws Exception {
		String older = this.assets.url("css/older.css");
		Files.writeString(ROOT.resolve("css/older.css"), CSS + "/* newer */", StandardCharsets.UTF_8);
		new AssetBuilder(BuildOptions.forRoot(ROOT).withCompress(Set.of(Compression.GZIP, Compression.BR))).build();
		this.manifest.load();
		assertThat(this.assets.url("css/older.css")).isNotEqualTo(older);
		// still kept: served as an earlier generation's copy, were it not a link
		assertThat(this.manifest.index().isHashed(older.substring(1))).isTrue();
		Path copy = ROOT.resolve(older.substring(1));
		Path moved = TEMP.resolve("older.css");
		Files.move(copy, moved);
		Files.createSymbolicLink(copy, TEMP.resolve("secret.txt"));
		try {
			for (String[] headers : new String[][] { {}, { "Accept-Encoding", "br, gzip" } }) {
				HttpResponse<byte[]> response = get(older, headers);
				assertThat(response.statusCode()).isEqualTo(404);
				assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
				assertThat(response.headers().allValues("Cache-Control"))
					.noneMatch((value) -> value.contains("immutable"));
			}
		}
		finally {
			Files.delete(copy);
			Files.move(moved, copy);
		}
	}

	@Test
	void aMalformedRangeIsA416WithoutTheImmutableHeader() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/other.css"), "Range", "bytes=abc");
		assertThat(response.statusCode()).isEqualTo(416);
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("immutable"));
	}

	@Test
	void aFailedPreconditionIsA412WithoutTheImmutableHeader() throws Exception {
		String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
		HttpResponse<byte[]> response = get(this.assets.url("css/other.css"), "If-Unmodified-Since", longAgo);
		assertThat(response.statusCode()).isEqualTo(412);
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("immutable"));
	}

	@Test
	void aPartialAnswerIsImmutable() throws Exception {
		HttpResponse<byte[]> response = get(this.assets.url("css/tiny.css"), "Range", "bytes=0-1");
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("a{");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
	}

	@Test
	void aNotModifiedAnswerIsImmutableAndVariesLikeTheFullOne() throws Exception {
		String url = this.assets.url("css/other.css");
		HttpResponse<byte[]> full = get(url, "Accept-Encoding", "gzip");
		String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
		HttpResponse<byte[]> notModified = get(url, "Accept-Encoding", "gzip", "If-Modified-Since", lastModified);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
		assertThat(full.headers().allValues("Vary")).contains("Accept-Encoding");
		assertThat(notModified.headers().allValues("Vary")).contains("Accept-Encoding");
	}

	private static byte[] unbrotli(byte[] body) throws IOException {
		Brotli4jLoader.ensureAvailability();
		try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
