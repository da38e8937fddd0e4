package io.github.assetbust.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.util.ClassUtils;

/**
 * Makes {@code dynamic} the default {@code assetbust.mode} while Spring Boot DevTools is active.
 * <p>
 * DevTools decides that in its {@code DevToolsPropertyDefaultsPostProcessor}: it is active for a
 * local application started by an IDE or build tool with restart enabled (or with a remote secret),
 * and not in tests, not for a {@code java -jar} fat jar, not with
 * {@code spring.devtools.add-properties=false}. When it is, it adds its development defaults as a
 * property source named {@code devtools}. Rather than repeat that reasoning, this listener runs
 * after every {@code EnvironmentPostProcessor}, DevTools' included (an environment post-processor
 * of ours could not be ordered after it, both being last), and follows DevTools' decision. It
 * adds nothing when {@code assetbust.mode} is set already: in application properties, a profile,
 * the command line or the application's default properties (which Spring Boot moves behind every
 * other source afterwards).
 */
class DevToolsAssetModeListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * Just after Spring Boot's EnvironmentPostProcessorApplicationListener (HIGHEST_PRECEDENCE + 10
	 * on Boot 3.5 and 4, where the class sits in different packages), so DevTools' defaults are in.
	 */
	static final int AFTER_ENVIRONMENT_POST_PROCESSORS = Ordered.HIGHEST_PRECEDENCE + 11;

	/** The name of the property source this adds. */
	static final String PROPERTY_SOURCE = "assetbust-devtools";

	private static final String DEVTOOLS_PROPERTY_SOURCE = "devtools";

	private static final String DEVTOOLS_CLASS = "org.springframework.boot.devtools.restart.Restarter";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		apply(event.getEnvironment(), event.getSpringApplication().getClassLoader());
	}

	static void apply(ConfigurableEnvironment environment, ClassLoader classLoader) {
		MutablePropertySources sources = environment.getPropertySources();
		if (ClassUtils.isPresent(DEVTOOLS_CLASS, classLoader) && sources.contains(DEVTOOLS_PROPERTY_SOURCE)
				&& !environment.containsProperty(OnAssetModeCondition.PROPERTY)) {
			sources.addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(OnAssetModeCondition.PROPERTY, "dynamic")));
		}
	}

	@Override
	public int getOrder() {
		return AFTER_ENVIRONMENT_POST_PROCESSORS;
	}

}
