package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ManifestLoadException;
import io.github.assetbust.startup.AssetBuildInitializer;
import io.github.assetbust.thymeleaf.AssetbustDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AssetbustAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(AssetbustAutoConfiguration.class, AssetbustThymeleafAutoConfiguration.class, BootAutoConfigurations.thymeleaf()));

	@TempDir
	Path root;

	private Path site() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: red; }\n", StandardCharsets.UTF_8);
		return this.root;
	}

	@Test
	void registersTheAssetsBean() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AssetResolver.class);
			assertThat(context).hasBean("assets");
			assertThat(context.getBean("assets")).isInstanceOf(AssetResolver.class);
		});
	}

	@Test
	void readsTheManifestFromTheClasspathByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(AssetManifest.class).location())
			.isEqualTo("classpath:/META-INF/assetbust/manifest.json"));
	}

	@Test
	void backsTheAssetsBeanWithTheConfiguredManifest() throws IOException {
		Path manifest = this.root.resolve("m.json");
		Files.writeString(manifest,
				"{\"version\":1,\"assets\":{\"css/main.css\":{\"path\":\"css/main-0cc175b9c0f1b6a831c399e269772661.css\"}}}",
				StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.manifest=file:" + manifest)
			.run((context) -> assertThat(context.getBean(AssetResolver.class).url("main.css"))
				.isEqualTo("/css/main-0cc175b9c0f1b6a831c399e269772661.css"));
	}

	@Test
	void defaultsTheManifestToTheBuildRoot() {
		this.runner.withPropertyValues("assetbust.build.root=file:" + this.root)
			.run((context) -> assertThat(context.getBean(AssetManifest.class).location())
				.isEqualTo("file:" + this.root + "/asset-manifest.json"));
	}

	@Test
	void watchesAFileManifestByDefault() {
		this.runner.withPropertyValues("assetbust.manifest=file:" + this.root.resolve("m.json"))
			.run((context) -> assertThat(context.getBean(AssetManifest.class).isWatching()).isTrue());
	}

	@Test
	void doesNotWatchWhenReloadIsOff() {
		this.runner.withPropertyValues("assetbust.manifest=file:" + this.root.resolve("m.json"), "assetbust.reload=false")
			.run((context) -> assertThat(context.getBean(AssetManifest.class).isWatching()).isFalse());
	}

	@Test
	void stopsWatchingWhenTheContextCloses() {
		AssetManifest[] manifest = new AssetManifest[1];
		this.runner.withPropertyValues("assetbust.manifest=file:" + this.root.resolve("m.json"))
			.run((context) -> manifest[0] = context.getBean(AssetManifest.class));
		assertThat(manifest[0].isWatching()).isFalse();
	}

	@Test
	void appliesTheUrlPrefix() throws IOException {
		Path manifest = this.root.resolve("m.json");
		Files.writeString(manifest,
				"{\"version\":1,\"assets\":{\"js/app.js\":{\"path\":\"js/app-0cc175b9c0f1b6a831c399e269772661.js\"}}}",
				StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.manifest=" + manifest, "assetbust.url-prefix=https://cdn.example.com/")
			.run((context) -> assertThat(context.getBean(AssetResolver.class).url("app.js"))
				.isEqualTo("https://cdn.example.com/js/app-0cc175b9c0f1b6a831c399e269772661.js"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("assetbust.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AssetResolver.class);
			assertThat(context).doesNotHaveBean(AssetManifest.class);
			assertThat(context).doesNotHaveBean(AssetbustDialect.class);
		});
	}

	@Test
	void aUserResolverWins() {
		this.runner.withUserConfiguration(UserResolverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AssetResolver.class);
			assertThat(context.getBean(AssetResolver.class).url("x")).isEqualTo("user:x");
		});
	}

	@Test
	void registersTheDialectWithThymeleafsEngine() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AssetbustDialect.class);
			assertThat(context.getBean(SpringTemplateEngine.class).getDialects())
				.anyMatch((dialect) -> dialect instanceof AssetbustDialect);
		});
	}

	@Test
	void doesNotRegisterTheDialectWithoutThymeleaf() {
		this.runner.withClassLoader(new FilteredClassLoader(SpringTemplateEngine.class)).run((context) -> {
			assertThat(context).hasSingleBean(AssetResolver.class);
			assertThat(context).doesNotHaveBean(AssetbustDialect.class);
		});
	}

	@Test
	void aMissingManifestIsLoggedAndUrlsFallBack(CapturedOutput output) {
		this.runner.withPropertyValues("assetbust.manifest=file:" + this.root.resolve("none.json")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AssetResolver.class).url("css/main.css")).isEqualTo("/css/main.css");
			assertThat(output.getAll()).contains("No asset manifest at file:" + this.root.resolve("none.json")
					+ "; asset URLs fall back to their original paths");
		});
	}

	@Test
	void aMalformedManifestIsLoggedWithItsLocationAndUrlsFallBack(CapturedOutput output) throws IOException {
		Path manifest = this.root.resolve("bad.json");
		Files.writeString(manifest, "[1, 2", StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.manifest=file:" + manifest).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AssetResolver.class).url("css/main.css")).isEqualTo("/css/main.css");
			assertThat(output.getAll()).contains("Malformed asset manifest file:" + manifest);
		});
	}

	@Test
	void strictModeFailsToStartWithoutAManifest() {
		this.runner
			.withPropertyValues("assetbust.strict=true", "assetbust.manifest=file:" + this.root.resolve("none.json"))
			.run((context) -> {
				assertThat(context).getFailure()
					.hasMessageContaining("No asset manifest at file:" + this.root.resolve("none.json"));
				assertThat(new ManifestLoadFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("assetbust.strict=false");
			});
	}

	@Test
	void strictModeFailsToStartWithAMalformedManifest() throws IOException {
		Path manifest = this.root.resolve("bad.json");
		Files.writeString(manifest, "{\"version\": 1, \"assets\": {\"../x.css\": {\"path\": \"x.css\"}}}",
				StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.strict=true", "assetbust.manifest=file:" + manifest)
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(AssetbustException.class)
				.hasMessageContaining("Malformed asset manifest file:" + manifest)
				.hasMessageContaining("escapes the asset root"));
	}

	@Test
	void explainsAStrictStartupFailure() {
		ManifestLoadException failure = new ManifestLoadException("file:/m.json", "No asset manifest at file:/m.json",
				null);
		var analysis = new ManifestLoadFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).isEqualTo("No asset manifest at file:/m.json");
		assertThat(analysis.getAction()).contains("assetbust.strict=false");
	}

	@Test
	void hasNoStartupBuildByDefault() {
		this.runner.withPropertyValues("assetbust.build.root=file:" + this.root)
			.run((context) -> assertThat(context).doesNotHaveBean(AssetBuildInitializer.class));
	}

	@Test
	void buildsTheManifestWhileTheContextStartsWhenAsked() throws Exception {
		site();
		this.runner.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				assertThat(context).hasSingleBean(AssetBuildInitializer.class);
				assertThat(this.root.resolve("asset-manifest.json")).isRegularFile();
				AssetResolver assets = context.getBean(AssetResolver.class);
				assertThat(assets.url("main.css")).matches("/css/main-[0-9a-f]{32}\\.css");
				assertThat(this.root.resolve(assets.url("main.css").substring(1))).isRegularFile();
			});
	}

	@Test
	void logsOneLineWithTheCountsAndTimeOfTheStartupBuild(CapturedOutput output) throws Exception {
		site();
		Files.createDirectories(this.root.resolve("img"));
		Files.write(this.root.resolve("img/logo.png"), new byte[] { 1, 2, 3 });
		Files.writeString(this.root.resolve("css/main.css"), "h1 { background: url(../img/logo.png); }",
				StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> assertThat(output.getAll().lines().filter((line) -> line.contains(" INFO ")
					&& line.contains(AssetBuildInitializer.class.getSimpleName())))
				.singleElement()
				.asString()
				.contains("Hashed assets in " + this.root + ": 2 assets hashed (2 copies written, 0 unchanged), "
						+ "1 reference rewritten, "));
	}

	@Test
	void startupBuildHonoursAlgorithmAndExcludes() throws Exception {
		site();
		Files.writeString(this.root.resolve("css/skip.css"), "x", StandardCharsets.UTF_8);
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=" + this.root,
					"assetbust.build.algorithm=sha256", "assetbust.build.exclude=**/skip.css")
			.run((context) -> {
				AssetResolver assets = context.getBean(AssetResolver.class);
				assertThat(assets.url("main.css")).matches("/css/main-[0-9a-f]{64}\\.css");
				assertThat(assets.url("css/skip.css")).isEqualTo("/css/skip.css");
			});
	}

	@Test
	void aFailedStartupBuildKeepsTheLastGoodManifest(CapturedOutput output) throws Exception {
		site();
		this.runner.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				String hashed = context.getBean(AssetResolver.class).url("main.css");
				assertThat(hashed).matches("/css/main-[0-9a-f]{32}\\.css");
				Files.delete(this.root.resolve("asset-manifest.json"));
				Files.createDirectory(this.root.resolve("asset-manifest.json"));
				context.getBean(AssetBuildInitializer.class).afterPropertiesSet();
				assertThat(output.getAll()).contains("Asset build failed: The manifest " + this.root.resolve("asset-manifest.json") + " is a folder")
					.contains("still using the previous manifest (1 assets)");
				assertThat(context.getBean(AssetResolver.class).url("main.css")).isEqualTo(hashed);
			});
	}

	@Test
	void strictStartupBuildStopsTheApplicationOnAMissingRoot() {
		this.runner
			.withPropertyValues("assetbust.strict=true", "assetbust.build.on-startup=true",
					"assetbust.build.root=file:" + this.root.resolve("missing"))
			.run((context) -> {
				assertThat(context).getFailure()
					.hasRootCauseMessage("Asset root " + this.root.resolve("missing") + " does not exist");
				FailureAnalysis analysis = new AssetBuildFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Asset build failed: Asset root " + this.root.resolve("missing") + " does not exist");
				assertThat(analysis.getAction()).contains("assetbust.strict=false");
			});
	}

	@Test
	void lenientStartupBuildLogsAMissingRoot(CapturedOutput output) {
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true",
					"assetbust.build.root=file:" + this.root.resolve("missing"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getAll())
					.contains("Asset build failed: Asset root " + this.root.resolve("missing") + " does not exist");
			});
	}

	@Test
	void strictStartupBuildStopsTheApplicationOnABrokenCssReference() throws IOException {
		site();
		Files.writeString(this.root.resolve("css/main.css"), "body { background: url(../img/gone.png); }",
				StandardCharsets.UTF_8);
		this.runner
			.withPropertyValues("assetbust.strict=true", "assetbust.build.on-startup=true",
					"assetbust.build.root=file:" + this.root)
			.run((context) -> {
				assertThat(context).getFailure()
					.hasRootCauseInstanceOf(AssetbustException.class)
					.hasMessageContaining("Asset build failed: 1 reference cannot be resolved (strict mode)")
					.hasMessageContaining("css/main.css line 1: '../img/gone.png' points at img/gone.png");
				assertThat(this.root.resolve("asset-manifest.json")).doesNotExist();
			});
	}

	@Test
	void lenientStartupBuildRewritesCssAndWarnsAboutABrokenReference(CapturedOutput output) throws Exception {
		site();
		Files.createDirectories(this.root.resolve("img"));
		Files.write(this.root.resolve("img/logo.png"), new byte[] { 1, 2, 3 });
		Files.writeString(this.root.resolve("css/main.css"),
				"h1 { background: url(../img/logo.png); } p { background: url(../img/gone.png); }",
				StandardCharsets.UTF_8);
		this.runner.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				AssetResolver assets = context.getBean(AssetResolver.class);
				String css = Files.readString(this.root.resolve(assets.url("main.css").substring(1)));
				assertThat(css).contains("url(../img/logo-").doesNotContain("url(../img/logo.png)")
					.contains("url(../img/gone.png)");
				assertThat(output.getAll()).contains("css/main.css line 1: '../img/gone.png' points at img/gone.png");
			});
	}

	@Test
	void theStartupBuildRunsWhenBeansAreLazy() throws IOException {
		site();
		this.runner.withInitializer((context) -> context.addBeanFactoryPostProcessor(
				new LazyInitializationBeanFactoryPostProcessor()))
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> assertThat(this.root.resolve("asset-manifest.json")).isRegularFile());
	}

	@Test
	void aUserStartupBuildWins() throws IOException {
		site();
		this.runner.withUserConfiguration(UserInitializerConfiguration.class)
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				assertThat(context).hasSingleBean(AssetBuildInitializer.class);
				assertThat(context.getBean(AssetBuildInitializer.class)).isInstanceOf(UserInitializer.class);
				assertThat(this.root.resolve("asset-manifest.json")).doesNotExist();
			});
	}

	@Test
	void startupBuildRefusesAClasspathRoot() {
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true",
					"assetbust.build.root=classpath:/no-such-folder/")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining(
						"assetbust.build.root must be a file-system location such as 'file:/var/www/html', but is 'classpath:/no-such-folder/'"));
	}

	@Test
	void startupBuildNeedsARoot() {
		this.runner.withPropertyValues("assetbust.build.on-startup=true")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("assetbust.build.on-startup=true needs assetbust.build.root"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserInitializerConfiguration {

		@Bean
		UserInitializer userInitializer(AssetManifest manifest) {
			return new UserInitializer(manifest);
		}

	}

	/** Builds nothing. */
	static class UserInitializer extends AssetBuildInitializer {

		UserInitializer(AssetManifest manifest) {
			super(BuildOptions.forRoot(Path.of("unused")), manifest, false);
		}

		@Override
		public void afterPropertiesSet() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		AssetResolver myAssets() {
			return new AssetResolver() {

				@Override
				public String url(String path) {
					return "user:" + path;
				}

				@Override
				public String integrity(String path) {
					return null;
				}

			};
		}

	}

}
