package io.github.assetbust.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.resolve.TestDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestVersionsTests {

	private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	private final ContentDigestVersions versions = new ContentDigestVersions(new ContentDigests());

	@Test
	void takesTheMd5OutOfAHashedName() {
		assertThat(this.versions.extractVersion("css/app.min-" + MD5 + ".css")).isEqualTo(MD5);
		assertThat(this.versions.removeVersion("css/app.min-" + MD5 + ".css", MD5)).isEqualTo("css/app.min.css");
		assertThat(this.versions.extractVersion("LICENSE-" + MD5)).isEqualTo(MD5);
		assertThat(this.versions.removeVersion("LICENSE-" + MD5, MD5)).isEqualTo("LICENSE");
	}

	@Test
	void findsNoVersionInAPlainOrShortHashedName() {
		assertThat(this.versions.extractVersion("css/main.css")).isNull();
		assertThat(this.versions.extractVersion("css/main-5d41402a.css")).isNull();
		assertThat(this.versions.extractVersion("../main-" + MD5 + ".css")).isNull();
		assertThat(ContentDigestVersions.originalOf("css/main.css")).isNull();
	}

	@Test
	void namesTheOriginalOfAHashedName() {
		assertThat(ContentDigestVersions.originalOf("css/my-theme-" + MD5 + ".css"))
			.isEqualTo(AssetPath.of("css/my-theme.css"));
	}

	@Test
	void addsTheVersionAsTheBuildNamesCopies() {
		assertThat(this.versions.addVersion("/css/main.css", MD5)).isEqualTo("/css/main-" + MD5 + ".css");
		assertThat(this.versions.addVersion("LICENSE", MD5)).isEqualTo("LICENSE-" + MD5);
	}

	@Test
	void theVersionOfAResourceIsTheMd5OfItsContent(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("a.js"), "let a;", StandardCharsets.UTF_8);
		assertThat(this.versions.versionOf(new FileSystemResource(file))).isEqualTo(TestDigests.md5("let a;"));
		assertThat(this.versions.versionOf(new FileSystemResource(root.resolve("gone.js")))).isNull();
	}

}
