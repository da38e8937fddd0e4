package io.github.assetbust.autoconfigure;

import org.springframework.util.ClassUtils;

/**
 * Spring Boot's own auto-configurations that the tests run beside ours, found by name because
 * Boot 4 moved them into modules of their own: the same tests run on Boot 3.5 and on Boot 4.
 */
public final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	/** Spring Boot's Thymeleaf auto-configuration, which sets up the template engine. */
	public static Class<?> thymeleaf() {
		return firstPresent("org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
				"org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration");
	}

	private static Class<?> firstPresent(String boot4, String boot3) {
		ClassLoader classLoader = BootAutoConfigurations.class.getClassLoader();
		String name = ClassUtils.isPresent(boot4, classLoader) ? boot4 : boot3;
		return ClassUtils.resolveClassName(name, classLoader);
	}

}
