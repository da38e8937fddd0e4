package io.github.assetbust.resolve;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.web.AssetLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Resolves against real files in a temporary root, on the classpath and inside a jar. */
@ExtendWith(OutputCaptureExtension.class)
class DynamicAssetResolverTests {

	private static final String MAIN = "body { color: red; }\n";

	@TempDir
	Path root;

	private Path write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private DynamicAssetResolver resolver(String prefix, String contextPath, boolean strict) {
		return resolver(AssetLocations.root(this.root), prefix, contextPath, strict);
	}

	private static DynamicAssetResolver resolver(AssetLocations locations, String prefix, String contextPath,
			boolean strict) {
		return new DynamicAssetResolver(locations, new ContentDigests(),
				DynamicAssetResolver.selecting(BuildOptions.DEFAULT_INCLUDES, BuildOptions.DEFAULT_EXCLUDES), prefix,
				() -> contextPath, strict);
	}

	private DynamicAssetResolver resolver() {
		return resolver("", "", false);
	}

	@Test
	void namesTheFileAfterTheMd5OfItsContentAsABuildWould() throws IOException {
		write("css/main.css", MAIN);
		assertThat(resolver().url("css/main.css")).isEqualTo("/css/main-" + TestDigests.md5(MAIN) + ".css");
	}

	@Test
	void seesAnEditOnTheNextLookupWithoutABuild() throws IOException {
		write("css/main.css", MAIN);
		DynamicAssetResolver resolver = resolver();
		String before = resolver.url("css/main.css");
		write("css/main.css", "body { color: darkslateblue; }\n");
		String after = resolver.url("css/main.css");
		assertThat(after).isNotEqualTo(before)
			.isEqualTo("/css/main-" + TestDigests.md5("body { color: darkslateblue; }\n") + ".css");
	}

	@Test
	void acceptsALeadingSlashAndABareNameUnderTheFolderNamedAfterItsExtension() throws IOException {
		write("js/app.js", "let a;");
		String hashed = "/js/app-" + TestDigests.md5("let a;") + ".js";
		assertThat(resolver().url("/js/app.js")).isEqualTo(hashed);
		assertThat(resolver().url("app.js")).isEqualTo(hashed);
		assertThat(resolver().url("./js//app.js")).isEqualTo(hashed);
	}

	@Test
	void prefersAnExactFileOverTheFolderByExtensionGuess() throws IOException {
		write("css/main.css", MAIN);
		write("main.css", "top");
		assertThat(resolver().url("main.css")).isEqualTo("/main-" + TestDigests.md5("top") + ".css");
	}

	@Test
	void keepsAQueryAndFragment() throws IOException {
		write("css/main.css", MAIN);
		assertThat(resolver().url("css/main.css?v=2#top"))
			.isEqualTo("/css/main-" + TestDigests.md5(MAIN) + ".css?v=2#top");
	}

	@Test
	void putsTheUrlPrefixAndContextPathInFront() throws IOException {
		write("css/main.css", MAIN);
		assertThat(resolver("https://cdn.example.com/", "/shop", false).url("main.css"))
			.isEqualTo("https://cdn.example.com/shop/css/main-" + TestDigests.md5(MAIN) + ".css");
	}

	@Test
	void leavesUrlsOfAnotherOriginAlone() {
		assertThat(resolver("", "", true).url("https://cdn.example.com/x.css")).isEqualTo("https://cdn.example.com/x.css");
		assertThat(resolver("", "", true).url("//cdn.example.com/x.css")).isEqualTo("//cdn.example.com/x.css");
	}

	@Test
	void encodesANameThatAUrlMustEscapeAndFindsItWrittenEitherWay() throws IOException {
		write("img/my logo #1.png", "png");
		String hashed = "/img/my%20logo%20%231-" + TestDigests.md5("png") + ".png";
		assertThat(resolver().url("img/my logo #1.png")).isEqualTo(hashed);
		assertThat(resolver().url("img/my%20logo%20%231.png")).isEqualTo(hashed);
	}

	@Test
	void namesAFileWithoutExtensionAsTheBuildDoes() throws IOException {
		write("LICENSE", "MIT");
		assertThat(resolver().url("LICENSE")).isEqualTo("/LICENSE-" + TestDigests.md5("MIT"));
	}

	@Test
	void anUnknownPathKeepsItsUrlWithOneWarningNamingTheLocations(CapturedOutput output) {
		DynamicAssetResolver resolver = resolver();
		assertThat(resolver.url("css/nope.css?x=1")).isEqualTo("/css/nope.css?x=1");
		assertThat(resolver.url("css/nope.css")).isEqualTo("/css/nope.css");
		String warning = "No asset 'css/nope.css' in " + this.root + "/ (assetbust.mode=dynamic)";
		assertThat(output.getAll()).containsOnlyOnce(warning);
	}

	@Test
	void aBareNameThatMissesWarnsNamingTheFoldersSearched(CapturedOutput output) {
		assertThat(resolver().url("nope.css")).isEqualTo("/nope.css");
		assertThat(output.getAll()).containsOnlyOnce("No asset 'nope.css' in " + this.root
				+ "/ (assetbust.mode=dynamic; looked for 'nope.css' and 'css/nope.css'); serving its original URL");
	}

	@Test
	void strictModeThrowsForAFileThatDoesNotExist() {
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).url("nope.css"))
			.withMessage("No asset 'nope.css' in " + this.root + "/ (assetbust.mode=dynamic, assetbust.strict=true; "
					+ "looked for 'nope.css' and 'css/nope.css'): "
					+ "fix the path, add the file, or check that assetbust.build.include/exclude select it")
			.extracting(AssetNotFoundException::getPath)
			.isEqualTo("nope.css");
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).integrity("nope.css"));
	}

	@Test
	void aFileTheBuildWouldLeaveAloneKeepsItsUrl() throws IOException {
		write("css/theme.scss", "$a: 1;");
		write("css/.hidden.css", "x");
		assertThat(resolver().url("css/theme.scss")).isEqualTo("/css/theme.scss");
		assertThat(resolver().url("css/.hidden.css")).isEqualTo("/css/.hidden.css");
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).url("css/theme.scss"));
	}

	@Test
	void doesNotFollowALinkOutOfTheRoot(@TempDir Path outside) throws IOException {
		Path secret = Files.writeString(outside.resolve("secret.css"), "secret", StandardCharsets.UTF_8);
		Files.createDirectories(this.root.resolve("css"));
		Files.createSymbolicLink(this.root.resolve("css/leak.css"), secret);
		Files.createSymbolicLink(this.root.resolve("out"), outside);
		assertThat(resolver().url("css/leak.css")).isEqualTo("/css/leak.css");
		assertThat(resolver().url("out/secret.css")).isEqualTo("/out/secret.css");
	}

	@Test
	void aFolderIsNotAnAsset() throws IOException {
		Files.createDirectories(this.root.resolve("css/folder.css"));
		assertThat(resolver().url("css/folder.css")).isEqualTo("/css/folder.css");
	}

	@Test
	void givesTheSha384IntegrityOfTheLiveStylesheet() throws IOException {
		write("css/main.css", MAIN);
		DynamicAssetResolver resolver = resolver();
		assertThat(resolver.url("main.css")).endsWith(TestDigests.md5(MAIN) + ".css");
		assertThat(resolver.integrity("main.css")).isEqualTo(TestDigests.integrity(MAIN));
		write("css/main.css", "b { }");
		assertThat(resolver.integrity("css/main.css?v=1")).isEqualTo(TestDigests.integrity("b { }"));
	}

	@Test
	void givesNoIntegrityForFilesBrowsersDoNotCheck() throws IOException {
		write("img/logo.png", "png");
		assertThat(resolver().integrity("img/logo.png")).isNull();
	}

	@Test
	void resolvesClasspathLocationsSkippingOnesThatDoNotExist() {
		AssetLocations locations = AssetLocations.of(List.of("classpath:/no-such-folder", "classpath:/static/"),
				new DefaultResourceLoader());
		assertThat(resolver(locations, "", "", true).url("classpath.css"))
			.isEqualTo("/css/classpath-" + TestDigests.md5("p { color: olive; }\n") + ".css");
		assertThat(locations).hasToString("classpath:/no-such-folder/, classpath:/static/");
	}

	@Test
	void resolvesFilesInsideAJarButNotItsFolders() throws IOException {
		Path jar = this.root.resolve("assets.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("static/"));
			out.putNextEntry(new JarEntry("static/js/"));
			out.putNextEntry(new JarEntry("static/js/lib.js"));
			out.write("var lib;".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			AssetLocations locations = AssetLocations.of(List.of("classpath:/static/"),
					new DefaultResourceLoader(classLoader));
			DynamicAssetResolver resolver = resolver(locations, "", "", false);
			assertThat(resolver.url("js/lib.js")).isEqualTo("/js/lib-" + TestDigests.md5("var lib;") + ".js");
			assertThat(resolver.integrity("js/lib.js")).isEqualTo(TestDigests.integrity("var lib;"));
			assertThat(resolver.url("js")).isEqualTo("/js");
		}
	}

	@Test
	void aGlobThatCannotBeUnderstoodIsNamed() {
		assertThatExceptionOfType(AssetbustException.class)
			.isThrownBy(() -> DynamicAssetResolver.selecting(List.of("{a,b"), List.of()))
			.withMessageContaining("'{a,b'");
	}

}
