package io.github.assetbust.web;

import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebJars of the test class path (bootstrap 5.3.8, font-awesome 4.7.0), by webjars-locator-lite. */
class WebJarsTests {

	private final WebJars webJars = new WebJars(new WebJarVersionLocator()::version, new DefaultResourceLoader());

	@Test
	void givesAFileOfAWebJarTheUrlOfItsVersionOnTheClassPath() {
		assertThat(this.webJars.urlPath("webjars/bootstrap/css/bootstrap.min.css"))
			.isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
		assertThat(this.webJars.urlPath("/webjars/bootstrap/5.3.8/css/bootstrap.min.css"))
			.isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
		assertThat(this.webJars.urlPath("webjars/font-awesome/fonts/fontawesome-webfont.woff2"))
			.isEqualTo("/webjars/font-awesome/4.7.0/fonts/fontawesome-webfont.woff2");
	}

	@Test
	void findsNothingForAMissingFileWebJarOrVersion() {
		assertThat(this.webJars.urlPath("webjars/bootstrap/css/none.css")).isNull();
		assertThat(this.webJars.urlPath("webjars/no-such-webjar/css/none.css")).isNull();
		assertThat(this.webJars.urlPath("webjars/bootstrap/5.3.7/css/bootstrap.min.css")).isNull();
		assertThat(this.webJars.urlPath("webjars/bootstrap/../font-awesome/css/font-awesome.css")).isNull();
		assertThat(this.webJars.urlPath("css/bootstrap.min.css")).isNull();
		assertThat(this.webJars.urlPath("webjars/")).isNull();
	}

	@Test
	void aRequestPathIsVersionedOnlyWithTheVersionOnTheClassPath() {
		assertThat(this.webJars.isVersioned("webjars/bootstrap/5.3.8/css/bootstrap.min.css")).isTrue();
		assertThat(this.webJars.isVersioned("webjars/bootstrap/css/bootstrap.min.css")).isFalse();
		assertThat(this.webJars.isVersioned("webjars/bootstrap/5.3.7/css/bootstrap.min.css")).isFalse();
		assertThat(this.webJars.isVersioned("webjars/bootstrap/5.3.8/css/none.css")).isFalse();
		assertThat(this.webJars.isVersioned("webjars/bootstrap/5.3.8/")).isFalse();
		assertThat(this.webJars.isVersioned("static/webjars/bootstrap/5.3.8/css/bootstrap.min.css")).isFalse();
	}

}
