package io.github.assetbust.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class ManifestAssetResolverTests {

	private static final String MAIN = "css/main-5d41402abc4b2a76b9719d911017c592.css";

	private static final String APP = "js/app-7d793037a0760186574b0282f2f435e7.js";

	private static final String THEME = "themes/main-0cc175b9c0f1b6a831c399e269772661.css";

	@TempDir
	Path folder;

	private AssetManifest manifest;

	@BeforeEach
	void writeManifest() throws IOException {
		Manifest written = new Manifest(DigestAlgorithm.MD5, null,
				Map.of(AssetPath.of("css/main.css"), entry(MAIN, "sha384-main"), AssetPath.of("js/app.js"),
						entry(APP, "sha384-app"), AssetPath.of("themes/main.css"), entry(THEME, null),
						AssetPath.of("main.css"), entry("main-92eb5ffee6ae2fec3ad71c777531578f.css", null),
						AssetPath.of("img/a#b?.png"), entry("img/a#b?-0cc175b9c0f1b6a831c399e269772661.png", null),
						AssetPath.of("img/my logo.png"), entry("img/my logo-0cc175b9c0f1b6a831c399e269772661.png", null)));
		Path file = this.folder.resolve("manifest.json");
		ManifestStore.write(written, file);
		this.manifest = new AssetManifest(new FileSystemResource(file), file.toString());
		this.manifest.load();
	}

	private static ManifestEntry entry(String path, String integrity) {
		return new ManifestEntry(AssetPath.of(path), integrity, 5);
	}

	private ManifestAssetResolver resolver(String prefix, String contextPath, boolean strict) {
		return new ManifestAssetResolver(this.manifest, prefix, () -> contextPath, strict);
	}

	@Test
	void resolvesAFolderQualifiedPath() {
		assertThat(resolver("", "", false).url("css/main.css")).isEqualTo("/" + MAIN);
	}

	@Test
	void resolvesAPathWithALeadingSlash() {
		assertThat(resolver("", "", false).url("/js/app.js")).isEqualTo("/" + APP);
	}

	@Test
	void resolvesABareNameUnderTheFolderNamedAfterItsExtension() {
		assertThat(resolver("", "", false).url("app.js")).isEqualTo("/" + APP);
	}

	@Test
	void prefersAnExactKeyOverTheFolderByExtensionGuess() {
		assertThat(resolver("", "", false).url("main.css")).isEqualTo("/main-92eb5ffee6ae2fec3ad71c777531578f.css");
	}

	@Test
	void normalisesDotSegmentsAndDoubleSlashes() {
		assertThat(resolver("", "", false).url("./css//main.css")).isEqualTo("/" + MAIN);
	}

	@Test
	void keepsQueryAndFragment() {
		ManifestAssetResolver resolver = resolver("", "", false);
		assertThat(resolver.url("css/main.css?v=2#top")).isEqualTo("/" + MAIN + "?v=2#top");
		assertThat(resolver.url("themes/main.css#iefix")).isEqualTo("/" + THEME + "#iefix");
	}

	@Test
	void appliesTheContextPathAndUrlPrefix() {
		assertThat(resolver("https://cdn.example.com/", "/shop", false).url("css/main.css?x"))
			.isEqualTo("https://cdn.example.com/shop/" + MAIN + "?x");
	}

	@Test
	void aBareNameThatMissesWarnsNamingTheFoldersSearched(CapturedOutput output) {
		assertThat(resolver("", "", false).url("missing.css?v=1")).isEqualTo("/missing.css?v=1");
		assertThat(output.getAll()).containsOnlyOnce("No asset 'missing.css' in manifest " + this.folder)
			.contains("; looked for 'missing.css' and 'css/missing.css'; serving its original URL");
	}

	@Test
	void strictModeNamesTheFoldersABareNameWasSearchedIn() {
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).url("missing.js"))
			.withMessageContaining("(assetbust.strict=true; looked for 'missing.js' and 'js/missing.js')");
	}

	@Test
	void fallsBackToTheOriginalUrlAndWarnsOncePerPath(CapturedOutput output) {
		ManifestAssetResolver resolver = resolver("", "/shop", false);
		assertThat(resolver.url("img/missing.png?x=1")).isEqualTo("/shop/img/missing.png?x=1");
		assertThat(resolver.url("/img/missing.png")).isEqualTo("/shop/img/missing.png");
		assertThat(resolver.url("img/missing.png")).isEqualTo("/shop/img/missing.png");
		assertThat(output.getAll()).containsOnlyOnce("No asset 'img/missing.png' in manifest " + this.folder);
		assertThat(output.getAll()).containsOnlyOnce("No asset '/img/missing.png'");
	}

	@Test
	void strictModeNamesThePathAndTheManifest() {
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).url("css/missing.css"))
			.withMessageContaining("'css/missing.css'")
			.withMessageContaining(this.folder.resolve("manifest.json").toString())
			.withMessageContaining("assetbust.strict=true");
	}

	@Test
	void strictModeStillResolvesKnownPaths() {
		assertThat(resolver("", "", true).url("main.css")).startsWith("/main-");
	}

	@Test
	void integrityComesFromTheManifest() {
		ManifestAssetResolver resolver = resolver("", "", false);
		assertThat(resolver.integrity("css/main.css")).isEqualTo("sha384-main");
		assertThat(resolver.integrity("themes/main.css")).isNull();
		assertThat(resolver.integrity("nothing.css")).isNull();
	}

	@Test
	void rejectsANullPathWithAClearMessage() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> resolver("", "", false).url(null))
			.withMessage("The asset path must not be null");
	}

	@Test
	void readsTheOriginalScriptsFlatManifest() throws IOException {
		Path flat = this.folder.resolve("flat.json");
		Files.writeString(flat, "{\"main.css\": \"cache/main-5d41402abc4b2a76b9719d911017c592.css\"}",
				StandardCharsets.UTF_8);
		AssetManifest flatManifest = new AssetManifest(new FileSystemResource(flat), flat.toString());
		flatManifest.load();
		assertThat(new ManifestAssetResolver(flatManifest, "", () -> "", false).url("main.css"))
			.isEqualTo("/cache/main-5d41402abc4b2a76b9719d911017c592.css");
	}

	@Test
	void leavesInputThatEscapesTheRootAsWrittenAndWarns(CapturedOutput output) {
		assertThat(resolver("", "", false).url("../../etc/passwd")).isEqualTo("/../../etc/passwd");
		assertThat(output.getAll()).contains("No asset '../../etc/passwd'");
	}

	@Test
	void percentEncodesWhatAUrlCannotHoldAsItIs() {
		assertThat(resolver("", "", false).url("img/my logo.png?v=1"))
			.isEqualTo("/img/my%20logo-0cc175b9c0f1b6a831c399e269772661.png?v=1");
	}

	@Test
	void findsAFileWhoseNameHoldsAHashOrAQuestionMark() {
		assertThat(resolver("", "", false).url("img/a#b?.png"))
			.isEqualTo("/img/a%23b%3F-0cc175b9c0f1b6a831c399e269772661.png");
	}

	@Test
	void acceptsAPathWrittenPercentEncoded() {
		assertThat(resolver("", "", false).url("img/my%20logo.png"))
			.isEqualTo("/img/my%20logo-0cc175b9c0f1b6a831c399e269772661.png");
	}

	@Test
	void leavesAUrlOfAnotherOriginAsItIs(CapturedOutput output) {
		ManifestAssetResolver resolver = resolver("https://cdn.example.com", "/shop", true);
		assertThat(resolver.url("https://unpkg.com/leaflet.css")).isEqualTo("https://unpkg.com/leaflet.css");
		assertThat(resolver.url("//fonts.example.com/a.css")).isEqualTo("//fonts.example.com/a.css");
		assertThat(output.getAll()).doesNotContain("No asset");
	}

	@Test
	void anAbsoluteFileSystemPathIsJustAPathUnderTheRoot() {
		assertThat(resolver("", "", false).url("/etc/passwd")).isEqualTo("/etc/passwd");
		assertThatExceptionOfType(AssetNotFoundException.class)
			.isThrownBy(() -> resolver("", "", true).url("/etc/passwd"))
			.withMessageContaining("'/etc/passwd'");
	}

}
