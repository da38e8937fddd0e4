package io.github.assetbust.web.servlet;

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

class ContentDigestVersionStrategyTests {

	private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	private final ContentDigestVersionStrategy strategy = new ContentDigestVersionStrategy(new ContentDigests());

	@Test
	void takesTheMd5OutOfAHashedName() {
		assertThat(this.strategy.extractVersion("css/app.min-" + MD5 + ".css")).isEqualTo(MD5);
		assertThat(this.strategy.removeVersion("css/app.min-" + MD5 + ".css", MD5)).isEqualTo("css/app.min.css");
		assertThat(this.strategy.extractVersion("LICENSE-" + MD5)).isEqualTo(MD5);
		assertThat(this.strategy.removeVersion("LICENSE-" + MD5, MD5)).isEqualTo("LICENSE");
	}

	@Test
	void findsNoVersionInAPlainOrShortHashedName() {
		assertThat(this.strategy.extractVersion("css/main.css")).isNull();
		assertThat(this.strategy.extractVersion("css/main-5d41402a.css")).isNull();
		assertThat(this.strategy.extractVersion("../main-" + MD5 + ".css")).isNull();
		assertThat(ContentDigestVersionStrategy.originalOf("css/main.css")).isNull();
	}

	@Test
	void namesTheOriginalOfAHashedName() {
		assertThat(ContentDigestVersionStrategy.originalOf("css/my-theme-" + MD5 + ".css"))
			.isEqualTo(AssetPath.of("css/my-theme.css"));
	}

	@Test
	void addsTheVersionAsTheBuildNamesCopies() {
		assertThat(this.strategy.addVersion("/css/main.css", MD5)).isEqualTo("/css/main-" + MD5 + ".css");
		assertThat(this.strategy.addVersion("LICENSE", MD5)).isEqualTo("LICENSE-" + MD5);
	}

	@Test
	void theVersionOfAResourceIsTheMd5OfItsContent(@TempDir Path root) throws IOException {
		Path file = Files.writeString(root.resolve("a.js"), "let a;", StandardCharsets.UTF_8);
		assertThat(this.strategy.getResourceVersion(new FileSystemResource(file))).isEqualTo(TestDigests.md5("let a;"));
		assertThat(this.strategy.getResourceVersion(new FileSystemResource(root.resolve("gone.js")))).isNull();
	}

}
