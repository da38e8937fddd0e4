package io.github.assetbust.autoconfigure;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Jackson 3 and Jackson 2 share jackson-annotations; on Spring Boot 3.5 the build must pick the
 * newer one Jackson 3 needs, and an application that does not gets told how to fix it.
 */
class JacksonAnnotationsCheckTests {

	/** Added in jackson-annotations 2.21; Jackson 3.1 cannot build a mapper without it. */
	private static final String NEWER_ANNOTATION = "com.fasterxml.jackson.annotation.JsonSerializeAs";

	@Test
	void jacksonStartsWithTheAnnotationsThisBuildResolves() {
		assertThatNoException().isThrownBy(JacksonAnnotationsCheck::verify);
	}

	@Test
	void anOlderJacksonAnnotationsJarIsNamedWithTheVersionNeeded() throws Exception {
		try (URLClassLoader olderAnnotations = new ClassLoaderWithout(NEWER_ANNOTATION)) {
			Method verify = olderAnnotations.loadClass(JacksonAnnotationsCheck.class.getName())
				.getDeclaredMethod("verify");
			verify.setAccessible(true);
			Throwable failure = null;
			try {
				verify.invoke(null);
			}
			catch (InvocationTargetException ex) {
				failure = ex.getCause();
			}
			assertThat(failure).isNotNull();
			assertThat(failure.getClass().getName()).isEqualTo(IncompatibleJacksonAnnotationsException.class.getName());
			assertThat(failure.getMessage()).startsWith("assetbust reads its manifest with Jackson 3.")
				.containsPattern("needs com.fasterxml.jackson.core:jackson-annotations 2\\.2\\d or later")
				.contains("but the classpath has 2.")
				.contains("jackson-annotations-")
				.contains("JsonSerializeAs");
		}
	}

	@Test
	void explainsTheFix() {
		IncompatibleJacksonAnnotationsException failure = new IncompatibleJacksonAnnotationsException("3.1.4", "2.21",
				"2.19.2 (file:/m2/jackson-annotations-2.19.2.jar)",
				new NoClassDefFoundError("com/fasterxml/jackson/annotation/JsonSerializeAs"));
		FailureAnalysis analysis = new JacksonAnnotationsFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean with name 'assetManifest'", failure));
		assertThat(analysis.getDescription()).isEqualTo("assetbust reads its manifest with Jackson 3.1.4, which needs "
				+ "com.fasterxml.jackson.core:jackson-annotations 2.21 or later, but the classpath has 2.19.2 "
				+ "(file:/m2/jackson-annotations-2.19.2.jar): java.lang.NoClassDefFoundError: "
				+ "com/fasterxml/jackson/annotation/JsonSerializeAs");
		assertThat(analysis.getAction())
			.startsWith("Manage com.fasterxml.jackson.core:jackson-annotations at 2.21 in your build's dependencyManagement");
	}

	/**
	 * This test's classpath loaded afresh, as an application with an older jackson-annotations
	 * jar would see it: the one class the older jar lacks is missing.
	 */
	private static final class ClassLoaderWithout extends URLClassLoader {

		private final String missing;

		ClassLoaderWithout(String missing) throws MalformedURLException {
			super(classpath(), ClassLoader.getPlatformClassLoader());
			this.missing = missing;
		}

		private static URL[] classpath() throws MalformedURLException {
			String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
			URL[] urls = new URL[entries.length];
			for (int i = 0; i < entries.length; i++) {
				urls[i] = new File(entries[i]).toURI().toURL();
			}
			return urls;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.equals(this.missing)) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
