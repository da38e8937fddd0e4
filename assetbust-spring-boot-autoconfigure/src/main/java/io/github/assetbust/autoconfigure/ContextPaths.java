package io.github.assetbust.autoconfigure;

import java.util.function.Supplier;

import io.github.assetbust.web.servlet.RequestContextPath;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The context path that asset URLs start with. In a servlet application, that of the request being
 * handled, or {@code server.servlet.context-path} outside one; in a reactive application, which has
 * no current request to ask, {@code spring.webflux.base-path}, as Spring Boot applies it.
 */
final class ContextPaths {

	private static final String REQUEST_CONTEXT_HOLDER = "org.springframework.web.context.request.RequestContextHolder";

	/** How Spring Boot tells a reactive web application, in Boot 4's packages and Boot 3.5's. */
	private static final String[] REACTIVE_ENVIRONMENTS = {
			"org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment",
			"org.springframework.boot.web.reactive.context.ConfigurableReactiveWebEnvironment" };

	private static final String[] REACTIVE_CONTEXTS = {
			"org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext",
			"org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext" };

	private ContextPaths() {
	}

	static Supplier<String> of(Environment environment, ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (isInstance(environment, REACTIVE_ENVIRONMENTS, classLoader)
				|| isInstance(resourceLoader, REACTIVE_CONTEXTS, classLoader)) {
			String basePath = basePath(environment.getProperty("spring.webflux.base-path"));
			return () -> basePath;
		}
		String configured = environment.getProperty("server.servlet.context-path", "");
		return ClassUtils.isPresent(REQUEST_CONTEXT_HOLDER, classLoader) ? new RequestContextPath(configured)
				: () -> configured;
	}

	/** {@code spring.webflux.base-path} cleaned as Spring Boot cleans it: {@code /shop} for {@code shop/}. */
	static String basePath(String configured) {
		String path = StringUtils.hasText(configured) ? configured.strip() : "";
		if (!path.isEmpty() && !path.startsWith("/")) {
			path = "/" + path;
		}
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static boolean isInstance(Object object, String[] types, ClassLoader classLoader) {
		for (String type : types) {
			if (ClassUtils.isPresent(type, classLoader) && ClassUtils.resolveClassName(type, classLoader).isInstance(object)) {
				return true;
			}
		}
		return false;
	}

}
