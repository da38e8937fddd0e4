package io.github.assetbust.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.github.assetbust.actuate.AssetsEndpoint;
import io.github.assetbust.actuate.AssetsEndpointAutoConfiguration;
import io.github.assetbust.actuate.AssetsHealthContributorAutoConfiguration;
import io.github.assetbust.actuate.AssetsHealthIndicator;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Spring's AOT processing over the auto-configuration, as a native-image build does, then
 * compiles the generated code and starts a context from it, as the native image would.
 */
@CompileWithForkedClassLoader
class AssetbustAotProcessingTests {

	private static final String HASHED = "css/main-0cc175b9c0f1b6a831c399e269772661.css";

	@TempDir
	Path folder;

	@Test
	void theGeneratedCodeStartsAContextThatResolvesAssets() throws IOException {
		TestPropertyValues properties = properties();
		TestGenerationContext generation = new TestGenerationContext();
		ClassName initializerName = process(properties, generation);
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			try (GenericApplicationContext context = new GenericApplicationContext()) {
				properties.applyTo(context);
				@SuppressWarnings("unchecked")
				ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
					.getInstance(ApplicationContextInitializer.class, initializerName.toString());
				initializer.initialize(context);
				context.refresh();
				assertThat(context.getBean(AssetResolver.class).url("main.css")).isEqualTo("/" + HASHED);
				assertThat(context.getBean(AssetsEndpoint.class).assets().generation().entries()).isEqualTo(1);
				assertThat(context.getBean(AssetsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			}
		});
	}

	private TestPropertyValues properties() throws IOException {
		Path manifest = this.folder.resolve("asset-manifest.json");
		ManifestStore.write(new Manifest(DigestAlgorithm.MD5, null,
				Map.of(AssetPath.of("css/main.css"), new ManifestEntry(AssetPath.of(HASHED), null, 1))), manifest);
		return TestPropertyValues.of("assetbust.manifest=file:" + manifest, "assetbust.reload=false",
				"management.endpoints.web.exposure.include=assets");
	}

	/** Runs the AOT processing a native-image build runs over the auto-configuration. */
	static ClassName process(TestPropertyValues properties, TestGenerationContext generation) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			properties.applyTo(context);
			context.register(AutoConfigured.class);
			ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			generation.writeGeneratedContent();
			return initializer;
		}
	}

	@ImportAutoConfiguration({ AssetbustAutoConfiguration.class, AssetsEndpointAutoConfiguration.class,
			AssetsHealthContributorAutoConfiguration.class })
	static class AutoConfigured {

	}

}
