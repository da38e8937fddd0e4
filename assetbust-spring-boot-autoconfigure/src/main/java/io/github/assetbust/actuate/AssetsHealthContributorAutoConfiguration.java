package io.github.assetbust.actuate;

import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.autoconfigure.AssetbustProperties;
import io.github.assetbust.resolve.AssetManifest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code assets} health indicator, when Spring Boot's health support is on the classpath;
 * {@code management.health.assets.enabled=false} turns it off.
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AssetManifest.class)
@ConditionalOnEnabledHealthIndicator("assets")
@EnableConfigurationProperties(AssetbustProperties.class)
public final class AssetsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "assetsHealthIndicator")
	AssetsHealthIndicator assetsHealthIndicator(AssetManifest manifest, AssetbustProperties properties) {
		return new AssetsHealthIndicator(manifest, properties.isStrict());
	}

}
