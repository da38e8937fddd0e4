package io.github.assetbust.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AssetsHealthIndicatorTests {

	private static final String HASHED = "css/main-0cc175b9c0f1b6a831c399e269772661.css";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AssetbustAutoConfiguration.class, AssetsHealthContributorAutoConfiguration.class));

	@TempDir
	Path root;

	private Path goodManifest() throws IOException {
		Path file = this.root.resolve("asset-manifest.json");
		ManifestStore.write(new Manifest(DigestAlgorithm.MD5, null,
				Map.of(AssetPath.of("css/main.css"), new ManifestEntry(AssetPath.of(HASHED), null, 1))), file);
		return file;
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("assetsHealthIndicator", HealthIndicator.class).health();
	}

	@Test
	void isUpWithTheEntriesAndLocationOfALoadedManifest() throws IOException {
		Path file = goodManifest();
		this.runner.withPropertyValues("assetbust.manifest=file:" + file).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("location", "file:" + file)
				.containsEntry("entries", 1)
				.containsKey("digest")
				.doesNotContainKeys("error", "warning");
		});
	}

	@Test
	void isUpWithAWarningWhenALenientApplicationHasNoManifest() {
		String location = "file:" + this.root.resolve("none.json");
		this.runner.withPropertyValues("assetbust.manifest=" + location).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("error", "No asset manifest at " + location)
				.containsEntry("warning", "asset URLs fall back to their original paths, which browsers may cache stale")
				.doesNotContainKey("entries");
		});
	}

	@Test
	void isUpWithAWarningWhenALenientReloadFailsAndTheLastGoodManifestStays() throws IOException {
		Path file = goodManifest();
		this.runner.withPropertyValues("assetbust.manifest=file:" + file, "assetbust.reload=false").run((context) -> {
			Files.writeString(file, "{\"version\": 2, \"assets\": {}}", StandardCharsets.UTF_8);
			context.getBean(AssetManifest.class).reload();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("entries", 1)
				.containsEntry("warning", "still using the previous manifest")
				.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("unsupported version 2"));
		});
	}

	@Test
	void strictIsDownWhileTheWatchedManifestIsBrokenAndUpAgainOnceAGoodOneIsWritten() throws IOException {
		Path file = goodManifest();
		this.runner.withPropertyValues("assetbust.manifest=file:" + file, "assetbust.strict=true").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			Files.writeString(file, "{\"version\": 1, \"assets\": {\"css/main.css\": ", StandardCharsets.UTF_8);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("entries", 1)
					.hasEntrySatisfying("error",
							(error) -> assertThat(error).asString().startsWith("Malformed asset manifest file:" + file));
			});
			goodManifest();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
			assertThat(health(context).getDetails()).doesNotContainKey("error");
		});
	}

	@Test
	void strictIsUpAsSoonAsTheContextHasStartedSinceTheStartupBuildRunsWhileItStarts() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: red; }", StandardCharsets.UTF_8);
		this.runner
			.withPropertyValues("assetbust.strict=true", "assetbust.build.on-startup=true",
					"assetbust.build.root=file:" + this.root, "assetbust.reload=false")
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("entries", 1).doesNotContainKey("error");
			});
	}

	@Test
	void isUnknownForAManifestOfTheApplicationThatNeverLoaded() {
		this.runner.withUserConfiguration(UnloadedManifestConfiguration.class).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("location", "mine");
		});
	}

	@Test
	void isRegisteredUnderTheNameAssets() throws IOException {
		Path file = goodManifest();
		this.runner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withPropertyValues("assetbust.manifest=file:" + file)
			.run((context) -> assertThat(context.getBean(HealthContributorRegistry.class).getContributor("assets"))
				.isInstanceOf(AssetsHealthIndicator.class));
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("management.health.assets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AssetsHealthIndicator.class));
	}

	@Test
	void isLeftOutWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasSingleBean(AssetManifest.class);
			assertThat(context).doesNotHaveBean(AssetsHealthIndicator.class);
		});
	}

	@Test
	void anIndicatorOfTheApplicationWins() {
		this.runner.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(AssetsHealthIndicator.class);
			assertThat(health(context).getDetails()).containsEntry("mine", true);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UnloadedManifestConfiguration {

		@Bean
		AssetManifest assetManifest() {
			return new AssetManifest(null, "mine");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		@Bean
		HealthIndicator assetsHealthIndicator() {
			return () -> Health.up().withDetail("mine", true).build();
		}

	}

}
