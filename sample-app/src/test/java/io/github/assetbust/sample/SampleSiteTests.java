package io.github.assetbust.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site as a browser sees it: real server on a random port, real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleSiteTests {

	/** The assets the shared layout loads: stylesheets, scripts and the logo. */
	static final Set<String> LAYOUT_ASSETS = Set.of("css/main.css", "css/layout/grid.css", "js/app.js",
			"js/vendor/util.js", "js/modules/main.js", "js/modules/greeting.js", "img/logo.svg");

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

	@LocalServerPort
	int port;

	SiteClient site;

	@BeforeEach
	void connect() {
		this.site = new SiteClient(this.port);
	}

	@Test
	void homePageLinksOnlyToHashedAssetUrls() {
		List<String> links = SiteClient.assetLinks(this.site.page("/"));

		assertThat(links).hasSizeGreaterThanOrEqualTo(LAYOUT_ASSETS.size())
			.allSatisfy((link) -> assertThat(link).containsPattern("-[0-9a-f]{32}\\."));
	}

	@Test
	void homePageLinksEachLayoutAssetToItsHashedCopyFromTheManifest() {
		Set<String> expected = LAYOUT_ASSETS.stream()
			.map((asset) -> "/" + SiteClient.hashedPath(asset))
			.collect(Collectors.toSet());

		assertThat(Set.copyOf(SiteClient.assetLinks(this.site.page("/")))).isEqualTo(expected);
	}

	@Test
	void aboutPageLinksOnlyToHashedAssetUrls() {
		List<String> links = SiteClient.assetLinks(this.site.page("/about"));

		assertThat(links).hasSizeGreaterThanOrEqualTo(LAYOUT_ASSETS.size())
			.allSatisfy((link) -> assertThat(link).containsPattern("-[0-9a-f]{32}\\."));
	}

	@Test
	void hashedUrlsAreServedWithOneYearImmutableCacheControl() {
		for (String link : SiteClient.assetLinks(this.site.page("/"))) {
			HttpResponse<byte[]> response = this.site.get(link);

			assertThat(response.statusCode()).as("status of %s", link).isEqualTo(200);
			assertThat(SiteClient.cacheControl(response)).as("Cache-Control of %s", link)
				.isEqualTo("max-age=31536000, public, immutable");
		}
	}

	@Test
	void hashedUrlsServeBytesWhoseMd5IsTheDigestInTheirName() {
		for (String link : SiteClient.assetLinks(this.site.page("/"))) {
			Matcher name = SiteClient.HASHED_NAME.matcher(link);
			assertThat(name.find()).as("%s carries a digest", link).isTrue();

			HttpResponse<byte[]> response = this.site.get(link);

			assertThat(response.statusCode()).as("status of %s", link).isEqualTo(200);
			assertThat(md5(response.body())).as("md5 of the body of %s", link).isEqualTo(name.group(1));
		}
	}

	@Test
	void originalUrlIsStillServedWithTheOriginalContent() throws IOException {
		HttpResponse<byte[]> response = this.site.get("/css/main.css");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(classpathBytes("static/css/main.css"));
	}

	@Test
	void originalUrlIsNotCachedAsImmutable() {
		HttpResponse<byte[]> response = this.site.get("/css/main.css");

		assertThat(SiteClient.cacheControl(response)).doesNotContain("immutable");
	}

	@Test
	void hashedUrlOfAGenerationThisServerNeverHadIsAnsweredWithTheCurrentCopyNeverCached() throws IOException {
		HttpResponse<byte[]> response = this.site.get("/css/main-00000000000000000000000000000000.css");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(response)).isEqualTo("no-store");
		assertThat(response.body()).isEqualTo(classpathBytes("static/" + SiteClient.hashedPath("css/main.css")));
	}

	@Test
	void hashedLookingUrlOfNoAssetIsNotFound() {
		HttpResponse<byte[]> response = this.site.get("/css/nothing-00000000000000000000000000000000.css");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(SiteClient.cacheControl(response)).doesNotContain("immutable");
	}

	@Test
	void everyUrlReferenceInTheServedStylesheetResolves() {
		String stylesheet = "/" + SiteClient.hashedPath("css/main.css");
		String css = new String(this.site.get(stylesheet).body(), StandardCharsets.UTF_8);
		List<String> references = CSS_URL.matcher(css).results().map((match) -> match.group(1)).toList();

		assertThat(references).isNotEmpty();
		for (String reference : references) {
			String resolved = URI.create(stylesheet).resolve(reference).getPath();
			assertThat(this.site.get(resolved).statusCode()).as("%s referenced from %s", resolved, stylesheet)
				.isEqualTo(200);
		}
	}

	@Test
	void theServedStylesheetPointsAtTheHashedImageWhichIsImmutable() {
		String stylesheet = "/" + SiteClient.hashedPath("css/main.css");
		String css = new String(this.site.get(stylesheet).body(), StandardCharsets.UTF_8);
		String hashedImage = SiteClient.hashedPath("img/stripes.png");

		assertThat(css).contains("url(../img/" + hashedImage.substring("img/".length()) + ")")
			.doesNotContain("stripes.png)");
		HttpResponse<byte[]> image = this.site.get(URI.create(stylesheet).resolve("../" + hashedImage).getPath());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(image)).isEqualTo("max-age=31536000, public, immutable");
	}

	@Test
	void packagedManifestListsEveryStaticFile() throws IOException {
		Path sources = Path.of("src/main/resources/static");
		assertThat(sources).isDirectory();
		Set<String> staticFiles;
		try (Stream<Path> files = Files.walk(sources)) {
			staticFiles = files.filter(Files::isRegularFile)
				.map((file) -> sources.relativize(file).toString().replace('\\', '/'))
				.collect(Collectors.toSet());
		}

		assertThat(staticFiles).isNotEmpty();
		assertThat(SiteClient.packagedManifest().keySet()).containsExactlyInAnyOrderElementsOf(staticFiles);
	}

	@Test
	void everyManifestEntryIsPackagedBesideItsOriginal() {
		SiteClient.packagedManifest().forEach((original, hashed) -> {
			String folder = original.substring(0, original.lastIndexOf('/') + 1);

			assertThat(hashed).as("hashed copy of %s", original).startsWith(folder).containsPattern("-[0-9a-f]{32}\\.");
			assertThat(getClass().getClassLoader().getResource("static/" + hashed)).as("classpath:static/%s", hashed)
				.isNotNull();
		});
	}

	private static byte[] classpathBytes(String name) throws IOException {
		try (InputStream in = SampleSiteTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as("classpath:%s", name).isNotNull();
			return in.readAllBytes();
		}
	}

	static String md5(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
