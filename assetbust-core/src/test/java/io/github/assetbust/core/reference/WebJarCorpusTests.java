package io.github.assetbust.core.reference;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.check.AssetChecker;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import io.github.assetbust.core.rewrite.ReferenceProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Real third-party CSS and JavaScript from WebJars on the test classpath: each webjar's files are
 * copied into a temporary root, built, and the result checked against the invariants of DESIGN.md.
 */
class WebJarCorpusTests {

	private static final Pattern HASHED_NAME = Pattern.compile(".+-[0-9a-f]{32}(\\.[^.]+)?");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	@TempDir
	Path root;

	/**
	 * The webjars, each with the local references its own files break ({@code file -> url} as
	 * written): none of these three references a file that it does not ship.
	 */
	static Stream<Arguments> webjars() {
		return Stream.of(arguments("org.webjars", "bootstrap", Set.of()),
				arguments("org.webjars", "font-awesome", Set.of()),
				arguments("org.webjars.npm", "leaflet", Set.of()));
	}

	/** Copies {@code META-INF/resources/webjars/<artifact>/<version>/} out of the webjar on the test classpath. */
	private String copyWebJar(String group, String artifact) throws IOException {
		String properties = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
		URL url = getClass().getClassLoader().getResource(properties);
		assertThat(url).as("%s on the test classpath", properties).isNotNull();
		Properties pom = new Properties();
		JarURLConnection connection = (JarURLConnection) url.openConnection();
		connection.setUseCaches(false);
		try (InputStream in = connection.getInputStream()) {
			pom.load(in);
		}
		String version = pom.getProperty("version");
		Path jar = Path.of(connection.getJarFileURL().getPath());
		try (FileSystem zip = FileSystems.newFileSystem(jar)) {
			Path source = zip.getPath("/META-INF/resources/webjars", artifact, version);
			assertThat(source).isDirectory();
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Path target = this.root.resolve(source.relativize(file).toString());
					Files.createDirectories(target.getParent());
					Files.copy(file, target);
				}
			}
		}
		return artifact + " " + version;
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("webjars")
	void passesTheCheckAfterBuilding(String group, String artifact, Set<String> expectedBroken) throws IOException {
		String webjar = copyWebJar(group, artifact);
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		System.out.println(webjar + ": " + result.summary());
		System.out.println(webjar + ": references by outcome " + result.references().counts());
		result.references().problems().forEach((problem) -> System.out.println(webjar + ":   " + problem));

		assertThat(broken(result)).isEqualTo(expectedBroken);
		assertThat(result.references().count(ReferenceOutcome.REWRITTEN)).isPositive();
		AssetChecker.CheckResult check = AssetChecker.check(this.root, result.manifestFile());
		assertThat(check.entries()).isEqualTo(result.manifest().size());
		assertThat(check.references()).isPositive();
		assertThat(check.problems()).hasSize(expectedBroken.size());
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("webjars")
	void pointsEveryLocalReferenceInEveryHashedFileAtAnExistingHashedCopy(String group, String artifact,
			Set<String> expectedBroken) throws IOException {
		copyWebJar(group, artifact);
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Set<AssetPath> hashedCopies = result.manifest().hashedPaths();
		Set<String> brokenFound = new TreeSet<>();
		int followed = 0;
		for (Map.Entry<AssetPath, ManifestEntry> entry : result.manifest().assets().entrySet()) {
			ReferenceSyntax syntax = ReferenceSyntax.forPath(entry.getKey());
			if (syntax == null) {
				continue;
			}
			Path hashed = entry.getValue().path().resolveAgainst(this.root);
			String content = new String(Files.readAllBytes(hashed), StandardCharsets.ISO_8859_1);
			for (Reference reference : syntax.find(content)) {
				Path target = localTarget(hashed, reference.url());
				if (target == null) {
					continue;
				}
				followed++;
				String where = entry.getKey() + " -> " + reference.url();
				if (!target.startsWith(this.root) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
					brokenFound.add(where);
					continue;
				}
				assertThat(target.getFileName().toString()).as(where).matches(HASHED_NAME);
				assertThat(hashedCopies).as(where).contains(AssetPath.relative(this.root, target));
			}
		}
		assertThat(followed).isPositive();
		assertThat(brokenFound).isEqualTo(expectedBroken);
	}

	@Test
	void keepsFontAwesomesVersionQueriesAndIefixFragmentsOnTheHashedFonts() throws IOException {
		copyWebJar("org.webjars", "font-awesome");
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Path css = result.manifest().assets().get(AssetPath.of("css/font-awesome.css")).path().resolveAgainst(this.root);
		String eot = "fontawesome-webfont-" + TestFiles.md5(this.root.resolve("fonts/fontawesome-webfont.eot")) + ".eot";
		String svg = "fontawesome-webfont-" + TestFiles.md5(this.root.resolve("fonts/fontawesome-webfont.svg")) + ".svg";
		assertThat(Files.readString(css, StandardCharsets.ISO_8859_1)).contains(
				"src: url('../fonts/" + eot + "?v=4.7.0');",
				"src: url('../fonts/" + eot + "?#iefix&v=4.7.0') format('embedded-opentype')",
				"url('../fonts/" + svg + "?v=4.7.0#fontawesomeregular') format('svg')");
	}

	@Test
	void leavesLeafletsVmlBehaviourAndPointsItsCssAtTheHashedImages() throws IOException {
		copyWebJar("org.webjars.npm", "leaflet");
		BuildResult result = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		Path css = result.manifest().assets().get(AssetPath.of("dist/leaflet.css")).path().resolveAgainst(this.root);
		String layers = "layers-" + TestFiles.md5(this.root.resolve("dist/images/layers.png")) + ".png";
		String layers2x = "layers-2x-" + TestFiles.md5(this.root.resolve("dist/images/layers-2x.png")) + ".png";
		String marker = "marker-icon-" + TestFiles.md5(this.root.resolve("dist/images/marker-icon.png")) + ".png";
		assertThat(Files.readString(css, StandardCharsets.ISO_8859_1)).contains("behavior: url(#default#VML);",
				"background-image: url(images/" + layers + ");", "background-image: url(images/" + layers2x + ");",
				"background-image: url(images/" + marker + ");");
	}

	/** The file a reference names, resolved without the production code; {@code null} if it is not local. */
	private Path localTarget(Path from, String url) {
		String trimmed = url.strip();
		if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//") || SCHEME.matcher(trimmed).find()) {
			return null;
		}
		String path = trimmed.replaceFirst("[?#].*", "");
		String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
		Path resolved = decoded.startsWith("/") ? this.root.resolve(decoded.substring(1)) : from.getParent().resolve(decoded);
		return resolved.normalize();
	}

	/** Every reported reference that strict mode would fail over, as {@code file -> url}. */
	private static Set<String> broken(BuildResult result) {
		List<String> broken = new ArrayList<>();
		for (ReferenceProblem problem : result.references().broken()) {
			broken.add(problem.file() + " -> " + problem.url());
		}
		return new TreeSet<>(broken);
	}

}
