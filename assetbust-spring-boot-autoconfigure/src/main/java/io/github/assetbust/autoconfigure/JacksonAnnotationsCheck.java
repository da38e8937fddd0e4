package io.github.assetbust.autoconfigure;

import java.security.CodeSource;

import tools.jackson.core.Version;
import tools.jackson.databind.cfg.PackageVersion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Makes sure Jackson 3, which reads the manifest, can start. Jackson 2 and 3 share one
 * jackson-annotations jar, and Spring Boot 3.5 manages it at 2.19, older than Jackson 3.1 needs:
 * left alone, that surfaces as a {@link NoClassDefFoundError} on the first manifest read, or
 * silently on the reload thread.
 */
final class JacksonAnnotationsCheck {

	private static final String ANNOTATION = "com.fasterxml.jackson.annotation.JsonInclude";

	private JacksonAnnotationsCheck() {
	}

	/** @throws IncompatibleJacksonAnnotationsException naming the jar found and the version needed */
	static void verify() {
		try {
			JsonMapper.builder();
		}
		catch (LinkageError ex) {
			throw new IncompatibleJacksonAnnotationsException(PackageVersion.VERSION.toString(),
					neededAnnotations(PackageVersion.VERSION), foundAnnotations(), ex);
		}
	}

	/** Jackson 3.x uses the jackson-annotations 2.x released with it: 3.0 → 2.20, 3.1 → 2.21. */
	private static String neededAnnotations(Version jackson) {
		return "2." + (20 + jackson.getMinorVersion());
	}

	private static String foundAnnotations() {
		ClassLoader classLoader = JacksonAnnotationsCheck.class.getClassLoader();
		if (!ClassUtils.isPresent(ANNOTATION, classLoader)) {
			return "none";
		}
		Class<?> annotation = ClassUtils.resolveClassName(ANNOTATION, classLoader);
		String version = annotation.getPackage().getImplementationVersion();
		CodeSource source = annotation.getProtectionDomain().getCodeSource();
		return ((version != null) ? version : "of unknown version")
				+ ((source != null) ? " (" + source.getLocation() + ")" : "");
	}

}
