package io.github.assetbust.autoconfigure;

import java.nio.file.Path;

import io.github.assetbust.resolve.AssetNotFoundException;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.startup.AssetBuildInitializer;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.WebJars;
import io.github.assetbust.web.reactive.AssetHandlerMapping;
import io.github.assetbust.web.reactive.AssetUrlTransformingFilter;
import io.github.assetbust.web.reactive.HashedAssetHandlerMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webjars.WebJarVersionLocator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which of the web auto-configurations apply where: the WebFlux ones in a reactive application
 * only, the Spring MVC ones in a servlet application only, the WebJars support only with
 * webjars-locator-lite.
 */
class AssetbustWebFluxAutoConfigurationTests {

	/** Where the zero-configuration build of the test class path's static files goes. */
	@TempDir
	static Path output;

	private static final AutoConfigurations ALL = AutoConfigurations.of(AssetbustAutoConfiguration.class,
			AssetbustWebMvcAutoConfiguration.class, AssetbustWebFluxAutoConfiguration.class,
			AssetbustDynamicAutoConfiguration.class, AssetbustDynamicWebMvcAutoConfiguration.class,
			AssetbustDynamicWebFluxAutoConfiguration.class, AssetbustWebJarsAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(ALL)
		.withPropertyValues("assetbust.build.output=" + output);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(ALL)
		.withPropertyValues("assetbust.build.output=" + output);

	@Test
	void aReactiveApplicationGetsTheWebFluxMappingsAndNoneOfSpringMvc() {
		this.reactive.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("hashedAssetHandlerMapping")).isInstanceOf(HashedAssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean(io.github.assetbust.web.servlet.AssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean("assetUrlTransformingFilter");
		});
	}

	@Test
	void aServletApplicationGetsTheSpringMvcMappingsAndNoneOfWebFlux() {
		this.servlet.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("hashedAssetHandlerMapping"))
				.isInstanceOf(io.github.assetbust.web.servlet.HashedAssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean(AssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean(AssetUrlTransformingFilter.class);
		});
	}

	@Test
	void aReactiveApplicationWithoutWebFluxGetsNoMapping() {
		this.reactive.withClassLoader(new FilteredClassLoader(DispatcherHandler.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(AssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean(StaticAssetMirror.class);
		});
	}

	@Test
	void aServletApplicationWithoutSpringMvcGetsNoZeroConfigurationBuild() {
		this.servlet.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(StaticAssetMirror.class));
	}

	@Test
	void theZeroConfigurationBuildRunsInAReactiveApplication() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(StaticAssetMirror.class).hasSingleBean(AssetBuildInitializer.class);
			assertThat(context.getBean(AssetResolver.class).url("css/zero.css"))
				.matches("/css/zero-[0-9a-f]{32}\\.css");
		});
	}

	@Test
	void aNonWebApplicationGetsNeitherMappingsNorTheZeroConfigurationBuild() {
		new ApplicationContextRunner().withConfiguration(ALL).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AssetHandlerMapping.class)
				.doesNotHaveBean(io.github.assetbust.web.servlet.AssetHandlerMapping.class)
				.doesNotHaveBean(StaticAssetMirror.class);
		});
	}

	@Test
	void assetUrlsStartWithTheWebFluxBasePath() {
		this.reactive.withPropertyValues("spring.webflux.base-path=shop/")
			.run((context) -> assertThat(context.getBean(AssetResolver.class)
				.url("css/zero.css")).matches("/shop/css/zero-[0-9a-f]{32}\\.css"));
	}

	@Test
	void rewriteLinksRegistersTheUrlTransformingFilterAndAUserBeanOfItsNameWins() {
		this.reactive.withPropertyValues("assetbust.rewrite-links=true")
			.run((context) -> assertThat(context).hasSingleBean(AssetUrlTransformingFilter.class));
		this.reactive.withPropertyValues("assetbust.rewrite-links=true")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context.getBean("assetUrlTransformingFilter")).isEqualTo("user's"));
	}

	@Test
	void dynamicModeGetsTheWebFluxDynamicMappings() {
		this.reactive.withPropertyValues("assetbust.mode=dynamic").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("dynamicHashedAssetHandlerMapping")).isInstanceOf(AssetHandlerMapping.class);
			assertThat(context.getBean("dynamicPlainAssetHandlerMapping")).isInstanceOf(AssetHandlerMapping.class);
			assertThat(context).doesNotHaveBean(io.github.assetbust.web.servlet.AssetHandlerMapping.class);
		});
	}

	@Test
	void webJarsAreServedOnEitherFrameworkWithWebJarsLocatorLite() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(WebJars.class);
			assertThat(context.getBean("webJarAssetHandlerMapping")).isInstanceOf(AssetHandlerMapping.class);
		});
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(WebJars.class);
			assertThat(context.getBean("webJarAssetHandlerMapping"))
				.isInstanceOf(io.github.assetbust.web.servlet.AssetHandlerMapping.class);
		});
	}

	@Test
	void withoutWebJarsLocatorLiteThereIsNoWebJarSupport() {
		FilteredClassLoader withoutLocator = new FilteredClassLoader(WebJarVersionLocator.class);
		this.reactive.withClassLoader(withoutLocator).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(WebJars.class).doesNotHaveBean("webJarAssetHandlerMapping");
			assertThat(context.getBean(AssetResolver.class)
				.url("webjars/bootstrap/css/bootstrap.min.css")).isEqualTo("/webjars/bootstrap/css/bootstrap.min.css");
		});
		this.servlet.withClassLoader(withoutLocator)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebJars.class));
	}

	@Test
	void withoutTheCacheHeaderWebJarsAreLeftToSpringBoot() {
		this.reactive.withPropertyValues("assetbust.cache-control=false").run((context) -> {
			assertThat(context).hasSingleBean(WebJars.class).doesNotHaveBean("webJarAssetHandlerMapping");
			assertThat(context.getBean(AssetResolver.class)
				.url("webjars/bootstrap/css/bootstrap.min.css")).isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
		});
	}

	@Test
	void aWebJarThatIsNotThereFailsInStrictMode() {
		this.reactive.withPropertyValues("assetbust.strict=true")
			.run((context) -> assertThatExceptionOfType(AssetNotFoundException.class)
				.isThrownBy(() -> context.getBean(AssetResolver.class).url("webjars/no-such-webjar/css/none.css"))
				.withMessageContaining("'webjars/no-such-webjar/css/none.css'")
				.withMessageContaining("WebJars on the class path"));
	}

	@Test
	void dynamicModeGivesWebJarFilesTheirVersionedUrlToo() {
		this.reactive.withPropertyValues("assetbust.mode=dynamic")
			.run((context) -> assertThat(context.getBean(AssetResolver.class).url("webjars/bootstrap/css/bootstrap.min.css"))
				.isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css"));
	}

	@Test
	void aUserWebJarsBeanWins() {
		this.reactive.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context.getBean(WebJars.class)).isSameAs(context.getBean("userWebJars")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		String assetUrlTransformingFilter() {
			return "user's";
		}

		@Bean
		WebJars userWebJars(org.springframework.core.io.ResourceLoader resourceLoader) {
			return new WebJars((name) -> null, resourceLoader);
		}

	}

}
