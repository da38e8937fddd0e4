package io.github.assetbust.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.TestDigests;
import io.github.assetbust.startup.AssetBuildInitializer;
import io.github.assetbust.startup.StaticAssetMirror;
import io.github.assetbust.web.servlet.AssetHandlerMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.system.ApplicationTemp;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero configuration: a web application with no manifest hashes the files of Spring Boot's static
 * locations while it starts. Each test puts its own files on a class path of folders and jars it
 * writes, on top of the test class path with its static locations hidden.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZeroConfigurationTests {

	private static final String LOCATIONS = "classpath:/META-INF/resources/, classpath:/resources/, "
			+ "classpath:/static/, classpath:/public/";

	private static final FileTime JAR_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class,
				AssetbustWebMvcAutoConfiguration.class));

	@TempDir
	Path temp;

	private final List<URLClassLoader> classLoaders = new ArrayList<>();

	@AfterEach
	void closeClassLoaders() throws IOException {
		for (URLClassLoader classLoader : this.classLoaders) {
			classLoader.close();
		}
	}

	private Path output() {
		return this.temp.resolve("output");
	}

	/** An exploded {@code target/classes} with these files. */
	private Path classes(String... pathsAndContents) throws IOException {
		Path classes = this.temp.resolve("classes");
		for (int i = 0; i < pathsAndContents.length; i += 2) {
			Path file = classes.resolve(pathsAndContents[i]);
			Files.createDirectories(file.getParent());
			Files.writeString(file, pathsAndContents[i + 1], StandardCharsets.UTF_8);
		}
		return classes;
	}

	/**
	 * A jar with these files, every entry dated {@link #JAR_TIME} as a reproducible build dates
	 * them, and with the folder entries that Maven and Gradle write.
	 */
	private Path jar(String name, String... pathsAndContents) throws IOException {
		Path jar = this.temp.resolve(name);
		Path written = Files.createTempFile(this.temp, "jar", ".tmp");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(written))) {
			Set<String> folders = new HashSet<>();
			for (int i = 0; i < pathsAndContents.length; i += 2) {
				String path = pathsAndContents[i];
				for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
					if (folders.add(path.substring(0, slash + 1))) {
						put(out, path.substring(0, slash + 1), null);
					}
				}
				put(out, path, pathsAndContents[i + 1]);
			}
		}
		// moved over, as a deploy replaces a jar
		Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(jar, JAR_TIME);
		return jar;
	}

	private static void put(JarOutputStream out, String name, String content) throws IOException {
		JarEntry entry = new JarEntry(name);
		entry.setLastModifiedTime(JAR_TIME);
		out.putNextEntry(entry);
		if (content != null) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		out.closeEntry();
	}

	/** The application, with these folders and jars on its class path, building into {@link #output()}. */
	private WebApplicationContextRunner app(Path... classPath) throws IOException {
		URL[] urls = new URL[classPath.length];
		for (int i = 0; i < classPath.length; i++) {
			urls[i] = classPath[i].toUri().toURL();
		}
		URLClassLoader classLoader = new URLClassLoader(urls, new WithoutStaticLocations(getClass().getClassLoader()));
		this.classLoaders.add(classLoader);
		return this.runner.withClassLoader(classLoader).withPropertyValues("assetbust.build.output=" + output());
	}

	private void start(WebApplicationContextRunner app, ContextConsumer<AssertableWebApplicationContext> check) {
		app.run((context) -> {
			assertThat(context).hasNotFailed();
			check.accept(context);
		});
	}

	private Path hashed(String url) {
		return output().resolve("files").resolve(url.substring(1));
	}

	private String content(String url) throws IOException {
		return Files.readString(hashed(url), StandardCharsets.UTF_8);
	}

	/** Every file under {@code folder} with its modification time. */
	private static Map<Path, FileTime> times(Path folder) throws IOException {
		Map<Path, FileTime> times = new TreeMap<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				times.put(folder.relativize(file), Files.getLastModifiedTime(file));
			}
		}
		return times;
	}

	@Test
	void hashesTheStaticLocationsOfAnExplodedClassPathWithNothingConfigured(CapturedOutput output) throws Exception {
		Path classes = classes("static/css/site.css", "body { background: url(../img/dot.png); }", "static/img/dot.png",
				"not really a png");
		start(app(classes), (context) -> {
			assertThat(context).hasSingleBean(StaticAssetMirror.class).hasSingleBean(AssetBuildInitializer.class);
			assertThat(context.getBean(AssetManifest.class).location())
				.isEqualTo("file:" + output().resolve("asset-manifest.json"));
			AssetResolver assets = context.getBean(AssetResolver.class);
			String css = assets.url("css/site.css");
			String image = assets.url("img/dot.png");
			assertThat(css).isEqualTo("/css/site-" + TestDigests.md5(hashed(css)) + ".css");
			assertThat(image).isEqualTo("/img/dot-" + TestDigests.md5("not really a png") + ".png");
			assertThat(content(css)).isEqualTo("body { background: url(../img/dot-" + TestDigests.md5("not really a png")
					+ ".png); }");
			assertThat(times(classes)).as("nothing written into the class path").hasSize(2);
			assertThat(output.getAll()).containsPattern("Hashed static assets from " + LOCATIONS + " into "
					+ output().resolve("files") + ": 2 assets hashed \\(2 copies written, 0 unchanged\\), "
					+ "1 reference rewritten, .* in \\d+ ms \\(2 files copied first\\)");
		});
	}

	@Test
	void hashesTheStaticLocationsInsideAJar() throws Exception {
		Path jar = jar("app.jar", "static/css/jar.css", "p { background: url(../img/jar.png); }", "static/img/jar.png",
				"jar image", "public/js/public.js", "let x;");
		start(app(jar), (context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			assertThat(assets.url("img/jar.png")).isEqualTo("/img/jar-" + TestDigests.md5("jar image") + ".png");
			assertThat(assets.url("js/public.js")).isEqualTo("/js/public-" + TestDigests.md5("let x;") + ".js");
			assertThat(content(assets.url("css/jar.css"))).contains("url(../img/jar-" + TestDigests.md5("jar image") + ".png)");
		});
	}

	@Test
	void theFileOfTheFirstLocationAndClassPathEntryWins() throws Exception {
		Path classes = classes("public/css/a.css", "public, in the folder", "static/css/b.css", "static, in the folder");
		Path jar = jar("lib.jar", "static/css/a.css", "static, in the jar", "static/css/b.css", "static, in the jar");
		start(app(classes, jar), (context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			// classpath:/static/ comes before classpath:/public/, and the folder before the jar
			assertThat(content(assets.url("css/a.css"))).isEqualTo("static, in the jar");
			assertThat(content(assets.url("css/b.css"))).isEqualTo("static, in the folder");
		});
	}

	@Test
	void leavesWebJarsOut() throws Exception {
		Path jar = jar("webjar.jar", "META-INF/resources/webjars/lib/1.0/lib.js", "lib", "META-INF/resources/css/m.css",
				"m");
		start(app(jar), (context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			assertThat(assets.url("css/m.css")).isEqualTo("/css/m-" + TestDigests.md5("m") + ".css");
			assertThat(assets.url("webjars/lib/1.0/lib.js")).isEqualTo("/webjars/lib/1.0/lib.js");
			assertThat(output().resolve("files/webjars")).doesNotExist();
		});
	}

	@Test
	void aRestartWithUnchangedFilesCopiesAndHashesNothing(CapturedOutput output) throws Exception {
		Path classes = classes("static/css/site.css", "body { background: url(../img/dot.png); }", "static/img/dot.png",
				"dot");
		Path jar = jar("app.jar", "static/js/app.js", "app");
		start(app(classes, jar), (context) -> {
		});
		Map<Path, FileTime> before = times(output());
		start(app(classes, jar), (context) -> assertThat(context.getBean(AssetResolver.class).url("js/app.js"))
			.isEqualTo("/js/app-" + TestDigests.md5("app") + ".js"));
		assertThat(output.getAll()).contains("3 assets hashed (3 copies written, 0 unchanged)")
			.contains("(3 files copied first)")
			.contains("3 assets hashed (0 copies written, 3 unchanged)")
			.contains("(0 files copied first)");
		assertThat(times(output())).isEqualTo(before);
	}

	@Test
	void aChangedFileInAJarIsCopiedAgainThoughItsSizeAndTimeAreTheSame() throws Exception {
		start(app(jar("app.jar", "static/js/app.js", "v1")), (context) -> {
		});
		start(app(jar("app.jar", "static/js/app.js", "v2")), (context) -> assertThat(
				context.getBean(AssetResolver.class).url("js/app.js"))
			.isEqualTo("/js/app-" + TestDigests.md5("v2") + ".js"));
	}

	@Test
	void aChangedFileInAFolderIsCopiedAgain() throws Exception {
		Path classes = classes("static/js/app.js", "v1");
		start(app(classes), (context) -> {
		});
		classes("static/js/app.js", "v2");
		start(app(classes), (context) -> assertThat(content(context.getBean(AssetResolver.class).url("js/app.js")))
			.isEqualTo("v2"));
	}

	@Test
	void aFileGoneFromTheStaticLocationsIsGoneFromTheManifestAndTheCopy() throws Exception {
		Path classes = classes("static/css/a.css", "a", "static/css/b.css", "b");
		start(app(classes), (context) -> {
		});
		Files.delete(classes.resolve("static/css/b.css"));
		start(app(classes), (context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			assertThat(assets.url("css/a.css")).isEqualTo("/css/a-" + TestDigests.md5("a") + ".css");
			assertThat(assets.url("css/b.css")).isEqualTo("/css/b.css");
			assertThat(output().resolve("files/css/b.css")).doesNotExist();
		});
	}

	@Test
	void aFailedBuildKeepsThePreviousManifest(CapturedOutput output) throws Exception {
		Path classes = classes("static/css/a.css", "a");
		start(app(classes), (context) -> {
		});
		classes("static/css/new.css", "new");
		// a folder where the copy of the new file must go makes the copy fail
		Files.createDirectories(output().resolve("files/css/new.css/in-the-way"));
		start(app(classes), (context) -> {
			AssetResolver assets = context.getBean(AssetResolver.class);
			assertThat(assets.url("css/a.css")).isEqualTo("/css/a-" + TestDigests.md5("a") + ".css");
			assertThat(assets.url("css/new.css")).isEqualTo("/css/new.css");
			assertThat(output.getAll()).contains("Asset build failed: Cannot copy the static locations " + LOCATIONS
					+ " into " + output().resolve("files")).contains("still using the previous manifest (1 assets)");
		});
	}

	@Test
	void aFailedBuildStopsTheApplicationInStrictMode() throws Exception {
		Path classes = classes("static/css/a.css", "p { background: url(gone.png); }");
		app(classes).withPropertyValues("assetbust.strict=true").run((context) -> {
			assertThat(context).getFailure()
				.hasMessageContaining("Asset build failed: 1 reference cannot be resolved (strict mode); nothing was written")
				.hasMessageContaining("css/a.css line 1: 'gone.png' points at css/gone.png");
			assertThat(output().resolve("asset-manifest.json")).doesNotExist();
		});
	}

	@Test
	void servesTheHashedCopiesFromTheOutputFirst() throws Exception {
		start(app(classes("static/css/a.css", "a")), (context) -> {
			AssetHandlerMapping mapping = context.getBean("hashedAssetHandlerMapping", AssetHandlerMapping.class);
			ResourceHttpRequestHandler handler = (ResourceHttpRequestHandler) ReflectionTestUtils.getField(mapping,
					"handler");
			assertThat(handler.getLocations().get(0).getFile().toPath()).isEqualTo(output().resolve("files"));
		});
	}

	@Test
	void doesNothingWhenTheJarHasAManifest() throws Exception {
		Path jar = jar("app.jar", "static/css/a.css", "a", "META-INF/assetbust/manifest.json",
				"{\"version\": 1, \"assets\": {}}");
		assertDoesNothing(app(jar));
	}

	@Test
	void doesNothingWithAConfiguredManifest() throws Exception {
		assertDoesNothing(app(classes("static/css/a.css", "a"))
			.withPropertyValues("assetbust.manifest=file:" + this.temp.resolve("manifest.json")));
	}

	@Test
	void doesNothingWithABuildRoot() throws Exception {
		assertDoesNothing(
				app(classes("static/css/a.css", "a")).withPropertyValues("assetbust.build.root=file:" + this.temp));
	}

	@Test
	void doesNothingInDynamicMode() throws Exception {
		assertDoesNothing(app(classes("static/css/a.css", "a")).withPropertyValues("assetbust.mode=dynamic"));
	}

	@Test
	void doesNothingWhenDisabled() throws Exception {
		assertDoesNothing(app(classes("static/css/a.css", "a")).withPropertyValues("assetbust.enabled=false"));
	}

	@Test
	void doesNothingWithoutSpringMvcToServeTheHashedCopies() throws Exception {
		classes("static/css/a.css", "a");
		assertDoesNothing(this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues("assetbust.build.output=" + output()));
	}

	@Test
	void doesNothingOutsideAWebApplication() throws Exception {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class))
			.withPropertyValues("assetbust.build.output=" + output())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(StaticAssetMirror.class)
					.doesNotHaveBean(AssetBuildInitializer.class);
				assertThat(output()).doesNotExist();
			});
	}

	@Test
	void aStartupBuildWithoutARootStillAsksForOne() throws Exception {
		app(classes("static/css/a.css", "a")).withPropertyValues("assetbust.build.on-startup=true")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("assetbust.build.on-startup=true needs assetbust.build.root"));
	}

	@Test
	void aUserStartupBuildWins() throws Exception {
		start(app(classes("static/css/a.css", "a")).withUserConfiguration(NoBuildConfiguration.class),
				(context) -> {
					assertThat(context.getBean(AssetBuildInitializer.class))
						.isInstanceOf(AssetbustAutoConfigurationTests.UserInitializer.class);
					assertThat(output().resolve("asset-manifest.json")).doesNotExist();
				});
	}

	@Test
	void buildsIntoTheApplicationTempFolderByDefault() throws Exception {
		File temp = new ApplicationTemp().getDir();
		try {
			this.runner.withUserConfiguration(NoBuildConfiguration.class)
				.run((context) -> assertThat(context.getBean(StaticAssetMirror.class).folder())
					.isEqualTo(temp.toPath().resolve("assetbust/files")));
		}
		finally {
			FileSystemUtils.deleteRecursively(new File(temp, "assetbust"));
			// only if empty: others may keep files in the application's temporary folder too
			temp.delete();
		}
	}

	private void assertDoesNothing(WebApplicationContextRunner app) {
		app.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(StaticAssetMirror.class)
				.doesNotHaveBean(AssetBuildInitializer.class);
			assertThat(output()).doesNotExist();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBuildConfiguration {

		@Bean
		AssetBuildInitializer userInitializer(AssetManifest manifest) {
			return new AssetbustAutoConfigurationTests.UserInitializer(manifest);
		}

	}

	/** The test class path with its static locations hidden, so that a test sees only its own files. */
	static final class WithoutStaticLocations extends ClassLoader {

		private static final List<String> HIDDEN = List.of("META-INF/resources/", "resources/", "static/", "public/");

		WithoutStaticLocations(ClassLoader parent) {
			super(parent);
		}

		@Override
		public URL getResource(String name) {
			return isHidden(name) ? null : super.getResource(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return isHidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
		}

		private static boolean isHidden(String name) {
			return HIDDEN.stream().anyMatch(name::startsWith);
		}

	}

}
