package io.github.assetbust.autoconfigure;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.assetbust.resolve.DynamicAssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DevToolsAssetModeListenerTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	/** What DevTools' DevToolsPropertyDefaultsPostProcessor adds when it is active. */
	private static StandardEnvironment withDevToolsDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("devtools", Map.of("spring.thymeleaf.cache", "false")));
		return environment;
	}

	@Test
	void makesDynamicTheDefaultWhileDevToolsIsActive() {
		StandardEnvironment environment = withDevToolsDefaults();
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		assertThat(environment.getProperty("assetbust.mode")).isEqualTo("dynamic");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(DevToolsAssetModeListener.PROPERTY_SOURCE);
	}

	@Test
	void aConfiguredModeWins() {
		StandardEnvironment environment = withDevToolsDefaults();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("assetbust.mode", "manifest")));
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		assertThat(environment.getProperty("assetbust.mode")).isEqualTo("manifest");
	}

	@Test
	void aModeInTheDefaultPropertiesWinsThoughSpringBootMovesThemLast() {
		StandardEnvironment environment = withDevToolsDefaults();
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaultProperties", Map.of("assetbust.mode", "manifest")));
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		// what Spring Boot's DefaultPropertiesPropertySource.moveToEnd does (its package differs by line)
		environment.getPropertySources().addLast(environment.getPropertySources().remove("defaultProperties"));
		assertThat(environment.getProperty("assetbust.mode")).isEqualTo("manifest");
	}

	@Test
	void leavesTheModeAloneWhileDevToolsIsInactive() {
		StandardEnvironment environment = new StandardEnvironment();
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		assertThat(environment.getProperty("assetbust.mode")).isNull();
		assertThat(environment.getPropertySources().contains(DevToolsAssetModeListener.PROPERTY_SOURCE)).isFalse();
	}

	@Test
	void leavesTheModeAloneWithoutDevToolsOnTheClasspath() {
		StandardEnvironment environment = withDevToolsDefaults();
		DevToolsAssetModeListener.apply(environment, new FilteredClassLoader(Restarter.class));
		assertThat(environment.getProperty("assetbust.mode")).isNull();
	}

	@Test
	void addsItsDefaultOnce() {
		StandardEnvironment environment = withDevToolsDefaults();
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		DevToolsAssetModeListener.apply(environment, this.classLoader);
		assertThat(environment.getPropertySources().stream()
			.filter((source) -> source.getName().equals(DevToolsAssetModeListener.PROPERTY_SOURCE))).hasSize(1);
	}

	@Test
	void runsAfterEveryEnvironmentPostProcessorAndBeforeLoggingStarts() throws ReflectiveOperationException {
		int order = new DevToolsAssetModeListener().getOrder();
		assertThat(order).isGreaterThan(environmentPostProcessorsOrder())
			.isLessThan(LoggingApplicationListener.DEFAULT_ORDER);
	}

	/** Boot's EnvironmentPostProcessorApplicationListener sits in another package on each line. */
	private static int environmentPostProcessorsOrder() throws ReflectiveOperationException {
		for (String name : new String[] { "org.springframework.boot.support.EnvironmentPostProcessorApplicationListener",
				"org.springframework.boot.env.EnvironmentPostProcessorApplicationListener" }) {
			try {
				return Class.forName(name).getField("DEFAULT_ORDER").getInt(null);
			}
			catch (ClassNotFoundException ex) {
				// the other line's package
			}
		}
		throw new ClassNotFoundException("EnvironmentPostProcessorApplicationListener");
	}

	/**
	 * The real DevTools on the classpath: it stays off on a thread that JUnit's classes are on, so
	 * the active case starts the application on a thread of its own. DevTools only activates for an
	 * application it could restart or one with a remote secret; the secret stands in for the
	 * restart class loader an IDE launch would have.
	 */
	@Test
	void followsRealDevTools() throws Exception {
		assertThat(startOnThreadOfItsOwn()).isEqualTo(new Started(true, DynamicAssetResolver.class));
		assertThat(startOnThreadOfItsOwn("assetbust.mode=manifest"))
			.isEqualTo(new Started(true, ManifestAssetResolver.class));
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(Started.of(context)).as("inside a test").isEqualTo(new Started(false, ManifestAssetResolver.class));
		}
	}

	private static SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(DevToolsApplication.class).web(WebApplicationType.NONE)
			.properties("spring.devtools.remote.secret=not-so-secret", "spring.devtools.remote.restart.enabled=false")
			.properties(properties);
	}

	private static Started startOnThreadOfItsOwn(String... properties) throws Exception {
		AtomicReference<Object> outcome = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try (ConfigurableApplicationContext context = application(properties).run()) {
				outcome.set(Started.of(context));
			}
			catch (Throwable ex) {
				outcome.set(ex);
			}
		}, "devtools-test");
		thread.start();
		thread.join();
		if (outcome.get() instanceof Throwable failure) {
			throw new AssertionError("The application failed to start", failure);
		}
		return (Started) outcome.get();
	}

	private record Started(boolean devToolsActive, Class<?> resolver) {

		static Started of(ConfigurableApplicationContext context) {
			return new Started(context.getEnvironment().getPropertySources().contains("devtools"),
					context.getBean("assets").getClass());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DevToolsApplication {

	}

}
