package io.github.assetbust.core.compress;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * brotli4j is an optional dependency: core without it on the class path (as in an application
 * that only has the starter) still builds gzip variants, and a build asking for br fails before
 * writing anything, saying what to add.
 */
class BrotliAbsentTests {

	@TempDir
	Path root;

	/** Core and its required dependencies, without brotli4j, in a class loader of their own. */
	private static URLClassLoader coreWithoutBrotli() {
		List<Class<?>> required = List.of(AssetBuilder.class, JsonParser.class, Logger.class);
		URL[] urls = required.stream()
			.map((type) -> type.getProtectionDomain().getCodeSource().getLocation())
			.distinct()
			.toArray(URL[]::new);
		return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
	}

	private Object build(ClassLoader loader, String compression) throws ReflectiveOperationException {
		Class<?> optionsType = loader.loadClass(BuildOptions.class.getName());
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Object value = Enum.valueOf((Class) loader.loadClass(Compression.class.getName()), compression);
		Object options = optionsType.getMethod("forRoot", Path.class).invoke(null, this.root);
		options = optionsType.getMethod("withCompress", Set.class).invoke(options, Set.of(value));
		Object builder = loader.loadClass(AssetBuilder.class.getName()).getConstructor(optionsType).newInstance(options);
		try {
			return builder.getClass().getMethod("build").invoke(builder);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	@Test
	void aBrBuildWithoutBrotli4jFailsBeforeWritingAnythingSayingWhatToAdd() throws IOException {
		TestFiles.write(this.root, "css/main.css", PrecompressionTests.CSS);
		try (URLClassLoader loader = coreWithoutBrotli()) {
			assertThatThrownBy(() -> loader.loadClass("com.aayushatharva.brotli4j.Brotli4jLoader"))
				.as("the class path of this test").isInstanceOf(ClassNotFoundException.class);

			assertThatThrownBy(() -> build(loader, "BROTLI")).satisfies((ex) -> {
				assertThat(ex.getClass().getName()).isEqualTo(AssetbustException.class.getName());
				assertThat(ex).hasMessage("Brotli compression (br) needs com.aayushatharva.brotli4j:brotli4j on the "
						+ "class path, and it is not there: add it as a dependency (Maven adds the native library for "
						+ "the build machine with it), or leave br out of the compressions");
			});
		}
		assertThat(TestFiles.allRegularFiles(this.root)).containsExactly("css/main.css");
	}

	@Test
	void gzipNeedsNoBrotli4j() throws Exception {
		TestFiles.write(this.root, "css/main.css", PrecompressionTests.CSS);
		try (URLClassLoader loader = coreWithoutBrotli()) {
			build(loader, "GZIP");
		}
		assertThat(TestFiles.regularFiles(this.root)).filteredOn((path) -> path.endsWith(".css.gz")).hasSize(1);
		assertThat(TestFiles.regularFiles(this.root)).noneMatch((path) -> path.endsWith(".br"));
	}

}
