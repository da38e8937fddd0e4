package io.github.assetbust.autoconfigure;

import java.nio.file.Path;

import io.github.assetbust.actuate.AssetsEndpoint;
import io.github.assetbust.resolve.ManifestAssetResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.hint.ResourcePatternHint;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.test.util.TestPropertyValues;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime hints Spring's AOT processing of the auto-configuration writes for a native image. */
class AssetbustAotHintsTests {

	@TempDir
	Path folder;

	private RuntimeHints hints(String... properties) {
		TestGenerationContext generation = new TestGenerationContext();
		AssetbustAotProcessingTests.process(TestPropertyValues
			.of("assetbust.manifest=file:" + this.folder.resolve("asset-manifest.json"), "assetbust.reload=false",
					"management.endpoints.web.exposure.include=assets")
			.and(properties), generation);
		return generation.getRuntimeHints();
	}

	@Test
	void registersTheHintsANativeImageNeeds() {
		RuntimeHints hints = hints();
		// ours, through @ImportRuntimeHints on the auto-configuration
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/assetbust/manifest.json")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ManifestAssetResolver.class, "url"))
			.accepts(hints);
		// Spring Boot's, which is why the registrar leaves them out: property binding, nested class included
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AssetbustProperties.class, "setStrict"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AssetbustProperties.Build.class, "setRoot"))
			.accepts(hints);
		// and the JSON the endpoint writes
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(AssetsEndpoint.GenerationDescriptor.class, "digest")).accepts(hints);
	}

	@Test
	void includesAManifestConfiguredElsewhereOnTheClasspath() {
		assertThat(RuntimeHintsPredicates.resource().forResource("site/asset-manifest.json"))
			.accepts(hints("assetbust.manifest=classpath:/site/asset-manifest.json"));
	}

	@Test
	void includesNoOtherResourceForAFileManifest() {
		assertThat(hints().resources()
			.resourcePatternHints()
			.flatMap((hint) -> hint.getIncludes().stream())
			.map(ResourcePatternHint::getPattern))
			.noneSatisfy((pattern) -> assertThat(pattern).contains("asset-manifest.json"));
	}

}
