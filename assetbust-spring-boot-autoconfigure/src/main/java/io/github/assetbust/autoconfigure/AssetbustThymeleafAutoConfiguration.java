package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.thymeleaf.AssetbustDialect;
import io.github.assetbust.thymeleaf.AssetsAwareTemplateEngines;
import io.github.assetbust.thymeleaf.ImportMap;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code assets} Thymeleaf dialect ({@code #assets}, {@code assets:href},
 * {@code assets:src}, {@code assets:importmap}); Spring Boot's Thymeleaf auto-configuration adds
 * every dialect bean to its template engine. Lets templates name the {@code assets} bean in
 * {@code th:href} and {@code th:src}, which Thymeleaf 3.1.4+ otherwise refuses for every bean.
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class,
		beforeName = { "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
				"org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration" })
@ConditionalOnClass(SpringTemplateEngine.class)
@ConditionalOnBean(AssetResolver.class)
public final class AssetbustThymeleafAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AssetbustDialect assetbustDialect(AssetResolver assets, AssetbustProperties properties,
			ObjectProvider<AssetManifest> manifest) {
		AssetManifest available = manifest.getIfAvailable();
		ImportMap importMap = (available != null) ? new ImportMap(available, assets) : null;
		return new AssetbustDialect(assets, properties.isIntegrity(), importMap);
	}

	@Bean
	@ConditionalOnMissingBean
	static AssetsAwareTemplateEngines assetsAwareTemplateEngines() {
		return new AssetsAwareTemplateEngines();
	}

}
