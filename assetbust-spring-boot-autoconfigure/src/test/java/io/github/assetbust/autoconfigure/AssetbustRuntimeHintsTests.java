package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class AssetbustRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		new AssetbustRuntimeHints().registerHints(hints, AssetbustRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	@Test
	void includesTheManifestWhereTheMavenGoalWritesIt() {
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/assetbust/manifest.json"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/assetbust/other.json")).rejects(this.hints);
	}

	@Test
	void theResourceIsTheDefaultManifestLocation() {
		assertThat("classpath:/" + AssetbustRuntimeHints.DEFAULT_MANIFEST_RESOURCE)
			.isEqualTo(AssetbustProperties.DEFAULT_MANIFEST);
	}

	@Test
	void letsSpelCallTheResolverThatTemplatesUse() {
		for (String method : new String[] { "url", "integrity" }) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ManifestAssetResolver.class, method))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AssetResolver.class, method))
				.accepts(this.hints);
		}
	}

	@Test
	void opensNothingElseOfTheResolverToReflection() {
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ManifestAssetResolver.class, "manifest"))
			.rejects(this.hints);
	}

}
