package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.resolve.AssetResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code assetbust.build.compress} for the startup build. */
class StartupCompressionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class));

	@TempDir
	Path root;

	private void site() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: red; margin: 0; }\n".repeat(30),
				StandardCharsets.UTF_8);
	}

	@Test
	void theStartupBuildWritesTheConfiguredVariants() throws IOException {
		site();
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root,
					"assetbust.build.compress=gzip")
			.run((context) -> {
				Path css = this.root.resolve(context.getBean(AssetResolver.class).url("css/main.css").substring(1));
				assertThat(css.resolveSibling(css.getFileName() + ".gz")).isRegularFile();
				assertThat(css.resolveSibling(css.getFileName() + ".br")).doesNotExist();
			});
	}

	@Test
	void theStartupBuildWritesBrotliVariantsAtTheConfiguredQuality() throws IOException {
		site();
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root,
					"assetbust.build.compress=br", "assetbust.build.brotli-quality=3")
			.run((context) -> {
				assertThat(context.getBean(AssetbustProperties.class).getBuild().getBrotliQuality()).isEqualTo(3);
				Path css = this.root.resolve(context.getBean(AssetResolver.class).url("css/main.css").substring(1));
				assertThat(css.resolveSibling(css.getFileName() + ".br")).isRegularFile();
			});
	}

	@Test
	void aBrotliQualityOutOfRangeStopsTheApplicationNamingTheProperty() {
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root,
					"assetbust.build.brotli-quality=12")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'assetbust.build'")
				.hasRootCauseMessage("12 is not a Brotli quality: use 0 to 11"));
	}

	@Test
	void writesNoVariantByDefault() throws IOException {
		site();
		this.runner.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root)
			.run((context) -> {
				try (var files = Files.list(this.root.resolve("css"))) {
					assertThat(files.map((file) -> file.getFileName().toString()))
						.noneMatch((name) -> name.endsWith(".gz") || name.endsWith(".br"));
				}
			});
	}

	@Test
	void anUnknownCompressionStopsTheApplicationNamingTheProperty() {
		this.runner
			.withPropertyValues("assetbust.build.on-startup=true", "assetbust.build.root=file:" + this.root,
					"assetbust.build.compress=gzip,zip")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'assetbust.build.compress'")
				.hasRootCauseMessage("No enum constant " + Compression.class.getName() + ".zip"));
	}

}
