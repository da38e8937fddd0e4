package io.github.assetbust.autoconfigure;

import io.github.assetbust.web.WebJars;
import io.github.assetbust.web.reactive.AssetResourceWebHandler;
import io.github.assetbust.web.servlet.AssetResourceHandler;
import org.webjars.WebJarVersionLocator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * WebJars, in either mode, when the application has webjars-locator-lite (as Spring Boot needs it
 * for version-less WebJar URLs too): {@code assets.url('webjars/bootstrap/css/bootstrap.min.css')}
 * is {@code /webjars/bootstrap/5.3.8/css/bootstrap.min.css}, the version of the WebJar on the
 * class path, and such versioned URLs are served with the one-year {@code immutable} header.
 * Version-less URLs stay with Spring Boot's own WebJars mapping and its headers.
 */
@AutoConfiguration(before = { AssetbustAutoConfiguration.class, AssetbustDynamicAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "assetbust.enabled", matchIfMissing = true)
@ConditionalOnClass(WebJarVersionLocator.class)
public final class AssetbustWebJarsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebJars assetWebJars(ResourceLoader resourceLoader) {
		return new WebJars(new WebJarVersionLocator()::version, resourceLoader);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	@ConditionalOnBooleanProperty(name = "assetbust.cache-control", matchIfMissing = true)
	static class WebMvcServing {

		@Bean
		@ConditionalOnMissingBean(name = "webJarAssetHandlerMapping")
		io.github.assetbust.web.servlet.AssetHandlerMapping webJarAssetHandlerMapping(WebJars webJars) {
			AssetResourceHandler handler = new AssetResourceHandler(webJars.locations(), false);
			handler.setCacheControl(AssetServing.IMMUTABLE);
			return new io.github.assetbust.web.servlet.AssetHandlerMapping(webJars::isVersioned, handler,
					AssetServing.WEBJARS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
	@ConditionalOnBooleanProperty(name = "assetbust.cache-control", matchIfMissing = true)
	static class WebFluxServing {

		@Bean
		@ConditionalOnMissingBean(name = "webJarAssetHandlerMapping")
		io.github.assetbust.web.reactive.AssetHandlerMapping webJarAssetHandlerMapping(WebJars webJars) {
			AssetResourceWebHandler handler = new AssetResourceWebHandler(webJars.locations(), false);
			handler.setCacheControl(AssetServing.IMMUTABLE);
			return new io.github.assetbust.web.reactive.AssetHandlerMapping(webJars::isVersioned, handler,
					AssetServing.WEBJARS);
		}

	}

}
