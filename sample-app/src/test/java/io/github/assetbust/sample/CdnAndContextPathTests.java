package io.github.assetbust.sample;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site behind a servlet context path with a CDN origin in front of its assets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/shop", "assetbust.url-prefix=https://cdn.example.com" })
@ExtendWith(OutputCaptureExtension.class)
class CdnAndContextPathTests {

	@LocalServerPort
	int port;

	SiteClient site;

	@BeforeEach
	void connect() {
		this.site = new SiteClient(this.port);
	}

	@Test
	void homePageLinksAssetsThroughTheCdnWithTheContextPath() {
		Set<String> expected = SampleSiteTests.LAYOUT_ASSETS.stream()
			.map((asset) -> "https://cdn.example.com/shop/" + SiteClient.hashedPath(asset))
			.collect(Collectors.toSet());

		assertThat(Set.copyOf(SiteClient.assetLinks(this.site.page("/shop/")))).isEqualTo(expected);
	}

	@Test
	void hashedUrlUnderTheContextPathIsServedWithImmutableCacheControl() {
		String stylesheet = "/shop/" + SiteClient.hashedPath("css/main.css");

		HttpResponse<byte[]> response = this.site.get(stylesheet);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SiteClient.cacheControl(response)).isEqualTo("max-age=31536000, public, immutable");
	}

	@Test
	void hashedUrlUnderTheContextPathServesBytesWhoseMd5IsTheDigestInItsName() {
		String hashed = SiteClient.hashedPath("css/main.css");
		Matcher name = SiteClient.HASHED_NAME.matcher(hashed);
		assertThat(name.find()).as("%s carries a digest", hashed).isTrue();

		HttpResponse<byte[]> response = this.site.get("/shop/" + hashed);

		assertThat(SampleSiteTests.md5(response.body())).isEqualTo(name.group(1));
	}

	@Test
	void startupLogSaysWhereToOpenTheSiteWithTheActualPortAndContextPath(CapturedOutput output) {
		assertThat(output.getAll()).contains("assetbust sample running: open http://localhost:" + this.port + "/shop/");
	}

}
