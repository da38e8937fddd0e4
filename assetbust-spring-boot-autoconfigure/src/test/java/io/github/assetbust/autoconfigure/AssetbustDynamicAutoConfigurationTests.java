package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetNotFoundException;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ContentDigests;
import io.github.assetbust.resolve.DynamicAssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;
import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.startup.AssetBuildInitializer;
import io.github.assetbust.thymeleaf.AssetbustDialect;
import io.github.assetbust.web.AssetLocations;
import io.github.assetbust.web.servlet.AssetHandlerMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class AssetbustDynamicAutoConfigurationTests {

	private static final AutoConfigurations ASSETBUST = AutoConfigurations.of(AssetbustAutoConfiguration.class,
			AssetbustDynamicAutoConfiguration.class, AssetbustThymeleafAutoConfiguration.class,
			BootAutoConfigurations.thymeleaf(), AssetbustWebMvcAutoConfiguration.class,
			AssetbustDynamicWebMvcAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ASSETBUST);

	@TempDir
	Path root;

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	@Test
	void dynamicModeMakesTheAssetsBeanResolveLiveFiles() throws IOException {
		write("css/main.css", "a { }");
		this.runner.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				assertThat(context).hasSingleBean(AssetResolver.class);
				assertThat(context.getBean("assets")).isInstanceOf(DynamicAssetResolver.class);
				assertThat(context.getBean(AssetResolver.class).url("main.css"))
					.isEqualTo("/css/main-" + TestDigests.md5("a { }") + ".css");
			});
	}

	@Test
	void theModeIsReadIgnoringCase() {
		this.runner.withPropertyValues("assetbust.mode=Dynamic")
			.run((context) -> assertThat(context.getBean("assets")).isInstanceOf(DynamicAssetResolver.class));
	}

	@Test
	void dynamicModeReadsNoManifestAndNeedsNoneEvenWhenStrict() {
		this.runner
			.withPropertyValues("assetbust.mode=dynamic", "assetbust.strict=true",
					"assetbust.manifest=file:" + this.root.resolve("none.json"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AssetManifest.class);
				assertThatExceptionOfType(AssetNotFoundException.class)
					.isThrownBy(() -> context.getBean(AssetResolver.class).url("nope.css"))
					.withMessageContaining("No asset 'nope.css' in classpath:/META-INF/resources/, classpath:/resources/, "
							+ "classpath:/static/, classpath:/public/ (assetbust.mode=dynamic, assetbust.strict=true; "
							+ "looked for 'nope.css' and 'css/nope.css')");
			});
	}

	@Test
	void looksInSpringBootsStaticLocationsWithoutABuildRoot() {
		this.runner.withPropertyValues("assetbust.mode=dynamic", "spring.web.resources.static-locations=classpath:/static")
			.run((context) -> {
				assertThat(context.getBean(AssetLocations.class)).hasToString("classpath:/static/");
				assertThat(context.getBean(AssetResolver.class).url("css/classpath.css"))
					.isEqualTo("/css/classpath-" + TestDigests.md5("p { color: olive; }\n") + ".css");
			});
	}

	@Test
	void looksOnlyInTheBuildRootWhenOneIsSetAsAManifestWouldListOnlyItsFiles() {
		this.runner.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=" + this.root).run((context) -> {
			assertThat(context.getBean(AssetLocations.class)).hasToString(this.root + "/");
			assertThat(context.getBean(AssetResolver.class).url("css/classpath.css")).isEqualTo("/css/classpath.css");
		});
	}

	@Test
	void refusesABuildRootThatIsNotOnTheFileSystem() {
		this.runner.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=classpath:/no-such-folder/")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("assetbust.build.root must be a file-system location such as "
						+ "'file:/var/www/html', but is 'classpath:/no-such-folder/'"));
	}

	@Test
	void appliesTheBuildsIncludeAndExclude() throws IOException {
		write("css/main.css", "a { }");
		this.runner
			.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=" + this.root,
					"assetbust.build.exclude=css/**")
			.run((context) -> assertThat(context.getBean(AssetResolver.class).url("css/main.css"))
				.isEqualTo("/css/main.css"));
	}

	@Test
	void appliesTheUrlPrefix() throws IOException {
		write("js/app.js", "x");
		this.runner
			.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=" + this.root,
					"assetbust.url-prefix=https://cdn.example.com")
			.run((context) -> assertThat(context.getBean(AssetResolver.class).url("app.js"))
				.isEqualTo("https://cdn.example.com/js/app-" + TestDigests.md5("x") + ".js"));
	}

	@Test
	void runsNoStartupBuildAndSaysSo(CapturedOutput output) {
		this.runner
			.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=" + this.root,
					"assetbust.build.on-startup=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AssetBuildInitializer.class);
				assertThat(output.getAll()).contains("assetbust.mode=dynamic: asset URLs carry the md5 of the live files in "
						+ this.root + "/").contains("(assetbust.build.on-startup is ignored)");
			});
		assertThat(this.root.resolve("asset-manifest.json")).doesNotExist();
	}

	@Test
	void namesFilesByMd5WhateverTheBuildsAlgorithmAndSaysSo(CapturedOutput output) throws IOException {
		write("css/main.css", "a { }");
		this.runner
			.withPropertyValues("assetbust.mode=dynamic", "assetbust.build.root=" + this.root,
					"assetbust.build.algorithm=sha256")
			.run((context) -> {
				assertThat(context.getBean(AssetResolver.class).url("main.css"))
					.isEqualTo("/css/main-" + TestDigests.md5("a { }") + ".css");
				assertThat(output.getAll()).contains("(assetbust.build.algorithm is ignored)");
			});
	}

	@Test
	void aUserResolverWinsInDynamicModeToo() {
		this.runner.withPropertyValues("assetbust.mode=dynamic")
			.withUserConfiguration(UserResolverConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AssetResolver.class);
				assertThat(context.getBean(AssetResolver.class).url("x")).isEqualTo("user:x");
				assertThat(context).hasSingleBean(AssetbustDialect.class);
			});
	}

	@Test
	void theDialectUsesTheDynamicResolver() {
		this.runner.withPropertyValues("assetbust.mode=dynamic").run((context) -> {
			assertThat(context).hasSingleBean(AssetbustDialect.class);
			assertThat(context.getBean(AssetbustDialect.class).getExpressionObjectFactory().buildObject(null, "assets"))
				.isSameAs(context.getBean(AssetResolver.class));
		});
	}

	@Test
	void manifestModeIsTheDefaultAndUnchanged() {
		this.runner.run((context) -> {
			assertThat(context.getBean("assets")).isInstanceOf(ManifestAssetResolver.class);
			assertThat(context).hasSingleBean(AssetManifest.class);
			assertThat(context).doesNotHaveBean(AssetLocations.class);
			assertThat(context).doesNotHaveBean(ContentDigests.class);
		});
		this.runner.withPropertyValues("assetbust.mode=manifest")
			.run((context) -> assertThat(context.getBean("assets")).isInstanceOf(ManifestAssetResolver.class));
	}

	@Test
	void aModeThatDoesNotExistStopsTheApplicationNamingTheProperty() {
		this.runner.withPropertyValues("assetbust.mode=dynmic")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("No enum constant io.github.assetbust.autoconfigure.AssetMode.dynmic"));
		this.runner.withPropertyValues("assetbust.mode=dynmic")
			.run((context) -> assertThat(context.getStartupFailure()).cause()
				.isInstanceOf(BindException.class)
				.hasMessage("Failed to bind properties under 'assetbust.mode' to io.github.assetbust.autoconfigure.AssetMode"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("assetbust.mode=dynamic", "assetbust.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AssetResolver.class);
			assertThat(context).doesNotHaveBean(AssetLocations.class);
		});
	}

	@Test
	void servesTheLiveFilesInAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(ASSETBUST)
			.withPropertyValues("assetbust.mode=dynamic")
			.run((context) -> {
				assertThat(context).hasBean("dynamicHashedAssetHandlerMapping");
				assertThat(context).hasBean("dynamicPlainAssetHandlerMapping");
				assertThat(context).doesNotHaveBean("hashedAssetHandlerMapping");
			});
		new WebApplicationContextRunner().withConfiguration(ASSETBUST)
			.withPropertyValues("assetbust.build.output=" + this.root)
			.run((context) -> {
				assertThat(context).hasBean("hashedAssetHandlerMapping");
				assertThat(context).doesNotHaveBean("dynamicHashedAssetHandlerMapping");
			});
	}

	@Test
	void servesNothingOutsideAServletApplication() {
		this.runner.withPropertyValues("assetbust.mode=dynamic")
			.run((context) -> assertThat(context).doesNotHaveBean(AssetHandlerMapping.class));
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
