package io.github.assetbust.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Links the application built, turned hashed against a manifest built from real files. */
class AssetLinkRewriterTests {

	@TempDir
	Path root;

	private AssetManifest manifest;

	private BuildResult built;

	@BeforeEach
	void build() throws IOException {
		write("css/main.css", "body { color: red }");
		write("js/app.js", "console.log(1)");
		write("css/my file.css", "p {}");
		write("css/a#b.css", "i {}");
		this.built = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Path file = this.built.manifestFile();
		this.manifest = new AssetManifest(new FileSystemResource(file), "file:" + file);
		this.manifest.load();
	}

	@AfterEach
	void close() {
		this.manifest.close();
	}

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private String hashed(String original) {
		return "/" + this.built.manifest().assets().get(AssetPath.of(original)).path();
	}

	@Test
	void rewritesALinkToAnAsset() {
		AssetLinkRewriter rewriter = new AssetLinkRewriter(this.manifest, "");
		assertThat(rewriter.rewrite("/css/main.css", "")).isEqualTo(hashed("css/main.css")).matches(
				"/css/main-[0-9a-f]{32}\\.css");
		assertThat(rewriter.rewrite("/js/app.js", "")).isEqualTo(hashed("js/app.js"));
	}

	@Test
	void keepsTheQueryAndFragment() {
		AssetLinkRewriter rewriter = new AssetLinkRewriter(this.manifest, "");
		assertThat(rewriter.rewrite("/css/main.css?v=2#top", "")).isEqualTo(hashed("css/main.css") + "?v=2#top");
	}

	@Test
	void keepsTheContextPathAndAppliesTheUrlPrefix() {
		assertThat(new AssetLinkRewriter(this.manifest, "").rewrite("/shop/css/main.css", "/shop"))
			.isEqualTo("/shop" + hashed("css/main.css"));
		assertThat(new AssetLinkRewriter(this.manifest, "https://cdn.example.com/").rewrite("/shop/css/main.css",
				"/shop"))
			.isEqualTo("https://cdn.example.com/shop" + hashed("css/main.css"));
	}

	@Test
	void rewritesNamesThatNeedEncodingOrHoldAFragmentSign() {
		AssetLinkRewriter rewriter = new AssetLinkRewriter(this.manifest, "");
		assertThat(rewriter.rewrite("/css/my%20file.css", "")).startsWith("/css/my%20file-").endsWith(".css");
		assertThat(rewriter.rewrite("/css/a#b.css", "")).startsWith("/css/a%23b-").endsWith(".css");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/about", "/", "", "css/main.css", "./css/main.css", "https://cdn.example.com/css/main.css",
			"//cdn.example.com/css/main.css", "/main.css", "/app.js", "/css/missing.css", "/css", "mailto:a@b.c",
			"/other/css/main.css" })
	void leavesEveryOtherLinkAsItIs(String link) {
		assertThat(new AssetLinkRewriter(this.manifest, "https://cdn.example.com").rewrite(link, "")).isEqualTo(link);
	}

	@Test
	void leavesLinksOutsideTheContextPathAsTheyAre() {
		AssetLinkRewriter rewriter = new AssetLinkRewriter(this.manifest, "");
		assertThat(rewriter.rewrite("/css/main.css", "/shop")).isEqualTo("/css/main.css");
		assertThat(rewriter.rewrite("/shopping/css/main.css", "/shop")).isEqualTo("/shopping/css/main.css");
		assertThat(rewriter.rewrite("/shop", "/shop")).isEqualTo("/shop");
	}

}
