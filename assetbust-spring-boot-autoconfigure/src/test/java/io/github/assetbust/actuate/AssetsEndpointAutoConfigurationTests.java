package io.github.assetbust.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AssetsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class, AssetsEndpointAutoConfiguration.class))
		.withPropertyValues("assetbust.reload=false");

	private final ApplicationContextRunner exposed = this.runner
		.withPropertyValues("management.endpoints.web.exposure.include=assets");

	@TempDir
	Path root;

	/** Three builds of one stylesheet: the manifest in use and two earlier generations kept. */
	private void buildThreeGenerations() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		for (String colour : new String[] { "red", "green", "blue" }) {
			Files.writeString(this.root.resolve("css/main.css"), "body { color: " + colour + "; }",
					StandardCharsets.UTF_8);
			new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		}
	}

	@Test
	void registersTheEndpointWhenItIsExposed() {
		this.exposed.run((context) -> assertThat(context).hasSingleBean(AssetsEndpoint.class));
	}

	@Test
	void registersNoEndpointThatIsNotExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AssetManifest.class);
			assertThat(context).doesNotHaveBean(AssetsEndpoint.class);
		});
	}

	@Test
	void registersNoEndpointWhoseAccessIsNone() {
		this.exposed.withPropertyValues("management.endpoint.assets.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AssetsEndpoint.class));
	}

	@Test
	void registersNoEndpointWithoutTheActuator() {
		this.exposed.withClassLoader(new FilteredClassLoader(Endpoint.class)).run((context) -> {
			assertThat(context).hasSingleBean(AssetManifest.class);
			assertThat(context).doesNotHaveBean(AssetsEndpoint.class);
		});
	}

	@Test
	void registersNoEndpointWhenAssetbustIsDisabled() {
		this.exposed.withPropertyValues("assetbust.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AssetsEndpoint.class));
	}

	@Test
	void anEndpointOfTheApplicationWins() {
		this.exposed.withUserConfiguration(UserEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AssetsEndpoint.class);
			assertThat(context.getBean(AssetsEndpoint.class)).isSameAs(UserEndpointConfiguration.ENDPOINT);
		});
	}

	@Test
	void reportsTheManifestInUseItsGenerationsAndTheLastLoad() throws IOException {
		buildThreeGenerations();
		this.exposed.withPropertyValues("assetbust.build.root=file:" + this.root).run((context) -> {
			AssetsEndpoint.AssetsDescriptor report = context.getBean(AssetsEndpoint.class).assets();
			assertThat(report.location()).isEqualTo("file:" + this.root + "/asset-manifest.json");
			assertThat(report.watching()).isFalse();
			assertThat(report.generation().entries()).isEqualTo(1);
			assertThat(report.generation().generated()).isNotNull();
			assertThat(report.generation().digest()).matches("sha256:[0-9a-f]{16}");
			assertThat(report.generation().retainedGenerations()).isEqualTo(2);
			assertThat(report.generation().retainedCopies()).isEqualTo(2);
			assertThat(report.lastLoad().outcome()).isEqualTo("success");
			assertThat(report.lastLoad().error()).isNull();
			assertThat(report.missing().lookups()).isZero();
		});
	}

	@Test
	void reportsAFailedLoadAndNoGeneration() {
		this.exposed.withPropertyValues("assetbust.manifest=file:" + this.root.resolve("none.json")).run((context) -> {
			AssetsEndpoint.AssetsDescriptor report = context.getBean(AssetsEndpoint.class).assets();
			assertThat(report.generation()).isNull();
			assertThat(report.lastLoad().outcome()).isEqualTo("failure");
			assertThat(report.lastLoad().error()).isEqualTo("No asset manifest at file:" + this.root.resolve("none.json"));
		});
	}

	@Test
	void reportsTheLookupsThatMissed() throws IOException {
		buildThreeGenerations();
		this.exposed.withPropertyValues("assetbust.build.root=file:" + this.root).run((context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			assets.url("main.css");
			assets.url("css/gone.css");
			assets.url("css/gone.css?v=2");
			assets.url("js/gone.js");
			AssetsEndpoint.MissingDescriptor missing = context.getBean(AssetsEndpoint.class).assets().missing();
			assertThat(missing.lookups()).isEqualTo(3);
			assertThat(missing.distinctPaths()).isEqualTo(2);
			assertThat(missing.paths()).containsExactly("css/gone.css", "js/gone.js");
		});
	}

	@Test
	void leavesOutMissesWithAResolverOfTheApplication() {
		this.exposed.withUserConfiguration(UserResolverConfiguration.class)
			.run((context) -> assertThat(context.getBean(AssetsEndpoint.class).assets().missing()).isNull());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		static final AssetsEndpoint ENDPOINT = new AssetsEndpoint(new AssetManifest(null, "mine"), null, null);

		@Bean
		AssetsEndpoint myAssetsEndpoint() {
			return ENDPOINT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		AssetResolver myAssets() {
			return new AssetResolver() {

				@Override
				public String url(String path) {
					return path;
				}

				@Override
				public String integrity(String path) {
					return null;
				}

			};
		}

	}

}
