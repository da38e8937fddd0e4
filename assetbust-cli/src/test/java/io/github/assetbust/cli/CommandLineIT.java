package io.github.assetbust.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.StateFile;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** build, check and clean as a user runs them: exit codes, stdout and stderr of the packaged jar. */
class CommandLineIT {

	private static final String SUMMARY = "^\\d+ assets? hashed \\(\\d+ cop(y|ies) written, \\d+ unchanged\\), "
			+ "[\\d,]+ references? rewritten, [\\d,]+ bytes? written, \\d+ stale cop(y|ies) removed, in \\d+ ms.*$";

	@TempDir
	Path work;

	Path site;

	@BeforeEach
	void smallSite() throws IOException {
		this.site = this.work.resolve("site");
		Trees.write(this.site, Map.of(
				"css/main.css", "body { background: url(../img/logo.png); }\n".getBytes(StandardCharsets.UTF_8),
				"img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 },
				"js/app.js", "console.log('app');\n".getBytes(StandardCharsets.UTF_8),
				".htaccess", "Header set X-Test 1\n".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void buildHashesTheTreeAndEndsWithOneSummaryLine() throws IOException {
		Cli.Run run = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(run.outLines()).singleElement().asString().matches(SUMMARY)
			.startsWith("3 assets hashed (3 copies written, 0 unchanged), 1 reference rewritten, ")
			.contains(" 0 stale copies removed, in ");
		assertThat(run.err()).isEmpty();
		Manifest manifest = ManifestStore.read(this.site.resolve("asset-manifest.json"));
		assertThat(manifest.assets().keySet()).map(Object::toString)
			.containsExactly("css/main.css", "img/logo.png", "js/app.js");
		assertThat(manifest.generated()).as("not --reproducible").isNotNull();
		manifest.assets().values().forEach((entry) -> assertThat(this.site.resolve(entry.path().toString())).isRegularFile());
		String css = Files.readString(this.site.resolve(hashed(manifest, "css/main.css")));
		assertThat(css).matches("body \\{ background: url\\(\\.\\./img/logo-[0-9a-f]{32}\\.png\\); }\\n");
	}

	@Test
	void buildTakesTheOptionsDesignMdLists() throws IOException {
		Files.createDirectories(this.work.resolve("out"));
		Cli.Run run = Cli.run(this.work, "build", "--root", "site", "--manifest", "out/manifest.json", "--include",
				"css/**", "--include", "img/**", "--exclude", "**/*.js", "--algorithm", "sha256", "--keep", "1",
				"--max-age", "PT30M", "--reproducible", "--threads", "2", "--strict").exits(0);

		assertThat(run.out()).startsWith("2 assets hashed (2 copies written, 0 unchanged), 1 reference rewritten");
		Path manifestFile = this.work.resolve("out/manifest.json");
		assertThat(this.site.resolve("asset-manifest.json")).as("--manifest is taken from the current folder")
			.doesNotExist();
		Manifest manifest = ManifestStore.read(manifestFile);
		assertThat(manifest.generated()).as("--reproducible").isNull();
		assertThat(manifest.assets().keySet()).map(Object::toString).containsExactly("css/main.css", "img/logo.png");
		assertThat(manifest.assets().values()).allSatisfy(
				(entry) -> assertThat(entry.path().toString()).as("sha256 names").matches(".*-[0-9a-f]{64}\\.\\w+"));
		assertThat(Files.readString(manifestFile)).contains("\"algorithm\": \"sha256\"");

		Cli.run(this.work, "check", "--root", "site", "--manifest", "out/manifest.json").exits(0);
	}

	@Test
	void checkPassesOnABuiltTree() {
		Cli.run(this.work, "build", "--root", "site").exits(0);

		Cli.Run run = Cli.run(this.work, "check", "--root", "site").exits(0);

		assertThat(run.outLines()).singleElement().asString()
			.isEqualTo("ok: 3 manifest entries and 1 reference checked against "
					+ this.site.resolve("asset-manifest.json").toAbsolutePath());
		assertThat(run.err()).isEmpty();
	}

	@Test
	void checkOnATamperedTreeListsEachProblemNamingTheFile() throws IOException {
		Cli.run(this.work, "build", "--root", "site").exits(0);
		Manifest manifest = ManifestStore.read(this.site.resolve("asset-manifest.json"));
		String js = hashed(manifest, "js/app.js");
		String png = hashed(manifest, "img/logo.png");
		String css = hashed(manifest, "css/main.css");
		Files.writeString(this.site.resolve(js), "console.log('tampered');\n");
		Files.delete(this.site.resolve(png));

		Cli.Run run = Cli.run(this.work, "check", "--root", "site").exits(1);

		assertThat(run.outLines()).hasSize(3)
			.anySatisfy((line) -> assertThat(line).startsWith(js + ": its md5 digest is ").endsWith(" its name claims"))
			.anySatisfy((line) -> assertThat(line).isEqualTo("img/logo.png: its hashed copy " + png + " does not exist"))
			.anySatisfy((line) -> assertThat(line).isEqualTo(css + " line 1: '../" + png + "' points at " + png
					+ ", which does not exist"));
		assertThat(run.errLines()).containsExactly("assetbust: 3 problems found checking "
				+ this.site.resolve("asset-manifest.json").toAbsolutePath());
	}

	private static String hashed(Manifest manifest, String original) {
		return manifest.assets().get(AssetPath.of(original)).path().toString();
	}

	@Test
	void checkWithoutAManifestFails() {
		Cli.Run run = Cli.run(this.work, "check", "--root", "site").exits(1);

		assertThat(run.out()).contains("No manifest at " + this.site.resolve("asset-manifest.json").toAbsolutePath());
	}

	@Test
	void strictBuildFailsOnABrokenReferenceNamingFileAndLineAndWritesNothing() throws IOException {
		Files.writeString(this.site.resolve("css/broken.css"), "/* one */\n\n.x { background: url('../img/nope.png'); }\n");

		Cli.Run run = Cli.run(this.work, "build", "--root", "site", "--strict").exits(1);

		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("assetbust: 1 reference cannot be resolved (strict mode); nothing was written")
			.contains("css/broken.css line 3: '../img/nope.png' points at img/nope.png, which does not exist");
		assertThat(this.site.resolve("asset-manifest.json")).doesNotExist();
		// but the empty lock file every build takes first, beside the manifest
		String lock = this.site.relativize(BuildOptions.forRoot(this.site.toAbsolutePath()).stateFile(StateFile.LOCK)).toString();
		assertThat(Trees.list(this.site).keySet()).as("nothing written")
			.containsExactlyInAnyOrder(".htaccess", "css/broken.css", "css/main.css", "img/logo.png", "js/app.js", lock);
	}

	@Test
	void lenientBuildWarnsAboutABrokenReferenceOnStderr() throws IOException {
		Files.writeString(this.site.resolve("css/broken.css"), "/* one */\n\n.x { background: url('../img/nope.png'); }\n");

		Cli.Run run = Cli.run(this.work, "build", "--root", "site").exits(0);

		assertThat(run.outLines()).singleElement().asString().matches(SUMMARY).endsWith("; 1 reference reported");
		assertThat(run.errLines()).containsExactly("assetbust: warning: css/broken.css line 3: '../img/nope.png' "
				+ "points at img/nope.png, which does not exist; left as written");
	}

	@Test
	void cleanRemovesGenerationsTheRetentionNoLongerKeeps() throws IOException {
		Cli.run(this.work, "build", "--root", "site").exits(0);
		Map<String, Path> first = Trees.list(this.site);
		Files.writeString(this.site.resolve("js/app.js"), "console.log('second');\n");
		Cli.Run second = Cli.run(this.work, "build", "--root", "site").exits(0);
		assertThat(second.out()).startsWith("3 assets hashed (1 copy written, 2 unchanged)")
			.contains("0 stale copies removed");
		String stale = first.keySet().stream().filter((path) -> path.matches("js/app-\\w+\\.js")).findFirst().orElseThrow();

		Cli.Run kept = Cli.run(this.work, "clean", "--root", "site").exits(0);
		assertThat(kept.outLines()).containsExactly("0 stale copies removed (0 bytes freed), 2 generations on record");
		assertThat(this.site.resolve(stale)).exists();

		Cli.Run run = Cli.run(this.work, "clean", "--root", "site", "--keep", "0", "--max-age", "0").exits(0);

		assertThat(run.outLines()).containsExactly("1 stale copy removed (20 bytes freed), 1 generation on record");
		assertThat(run.err()).isEmpty();
		assertThat(this.site.resolve(stale)).doesNotExist();
		assertThat(this.site.resolve("js/app.js")).exists();
		Cli.run(this.work, "check", "--root", "site").exits(0);
	}

	@Test
	void cleanWithoutAManifestRemovesNothingAndSaysWhy() {
		Cli.Run run = Cli.run(this.work, "clean", "--root", "site").exits(1);

		assertThat(run.err()).startsWith("assetbust: No manifest at " + this.site.resolve("asset-manifest.json"))
			.contains("nothing was removed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "build", "check", "clean" })
	void aRootThatDoesNotExistIsNamed(String command) {
		Cli.Run run = Cli.run(this.work, command, "--root", "no/such/folder").exits(1);

		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).containsExactly(
				"assetbust: Asset root " + this.work.resolve("no/such/folder").toAbsolutePath() + " does not exist");
	}

	@Test
	void helpDescribesEveryCommand() {
		Cli.Run run = Cli.run(this.work, "--help").exits(0);

		assertThat(run.out()).startsWith("Usage: assetbust [-hV] (build | check | clean | publish)")
			.contains("  build  ", "  check  ", "  clean  ", "Exit codes:", "  2   bad usage");
		assertThat(run.err()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("commandOptions")
	void helpOfEachCommandListsItsOptions(String command, String[] options) {
		Cli.Run run = Cli.run(this.work, command, "--help").exits(0);

		assertThat(run.out()).startsWith("Usage: assetbust " + command + " ").contains("Exit codes:");
		assertThat(run.out().replaceAll("\\s+", " ")).contains(options);
		assertThat(run.err()).isEmpty();
	}

	static Stream<Arguments> commandOptions() {
		return Stream.of(
				Arguments.of("build", new String[] { "--root=DIR", "--manifest=FILE", "--include=GLOB", "--exclude=GLOB",
						"--algorithm=md5|sha256", "--keep=N", "--max-age=DURATION", "--reproducible", "--strict",
						"--compress=gzip,br", "--brotli-quality=0-11", "--threads=N", "Default: md5.", "Default: 2.",
						"Default: 1h.", "Default: 8." }),
				Arguments.of("check", new String[] { "--root=DIR", "--manifest=FILE" }),
				Arguments.of("clean", new String[] { "--root=DIR", "--manifest=FILE", "--keep=N", "--max-age=DURATION" }));
	}

	@Test
	void versionNamesTheRelease() {
		Cli.Run run = Cli.run(this.work, "--version").exits(0);

		assertThat(run.outLines().get(0)).matches("assetbust \\d+\\.\\d+\\.\\d+.*");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badUsage")
	void badUsageExitsTwoWithTheErrorAndAUsageHint(String args, String message) {
		String[] arguments = args.isEmpty() ? new String[0]
				: Stream.of(args.split(" ")).map((arg) -> arg.equals("''") ? "" : arg).toArray(String[]::new);
		Cli.Run run = Cli.run(this.work, arguments).exits(2);

		assertThat(run.out()).isEmpty();
		String command = args.startsWith("build") ? "assetbust build" : args.startsWith("clean") ? "assetbust clean"
				: args.startsWith("check") ? "assetbust check" : "assetbust";
		assertThat(run.errLines().get(0)).isEqualTo("assetbust: " + message);
		assertThat(run.err()).contains("Usage: " + command + " ")
			.endsWith("Try '" + command + " --help' for more information." + System.lineSeparator());
		assertThat(this.site.resolve("asset-manifest.json")).as("nothing built").doesNotExist();
	}

	static Stream<Arguments> badUsage() {
		return Stream.of(Arguments.of("build --root site --frobnicate", "Unknown option: '--frobnicate'"),
				Arguments.of("build", "Missing required option: '--root=DIR'"),
				Arguments.of("check --manifest m.json", "Missing required option: '--root=DIR'"),
				Arguments.of("build --root site --threads 0",
						"Invalid value for option '--threads': 0 is less than 1: a build needs a thread"),
				Arguments.of("build --root site --threads many",
						"Invalid value for option '--threads': 'many' is not an int"),
				Arguments.of("build --root site --brotli-quality 12",
						"Invalid value for option '--brotli-quality': 12 is not between 0 and 11"),
				Arguments.of("build --root site --algorithm sha1",
						"Invalid value for option '--algorithm': Unknown digest algorithm 'sha1': use md5 or sha256"),
				Arguments.of("build --root site --max-age nonsense",
						"Invalid value for option '--max-age': 'nonsense' is not a duration: use a whole number and a "
								+ "unit such as 90s, 30m, 1h or 2d, or ISO-8601 such as PT1H"),
				Arguments.of("clean --root site --max-age -PT1H",
						"Invalid value for option '--max-age': '-PT1H' is negative: a max age is 0 or more"),
				Arguments.of("clean --root site --keep -1",
						"Invalid value for option '--keep': -1 is negative: keep 0 or more generations"),
				Arguments.of("build --root site --include {a",
						"Invalid value for option '--include' (GLOB): Invalid glob '{a': Unclosed group"),
				Arguments.of("build --root", "Missing required parameter for option '--root' (DIR)"),
				Arguments.of("build --root ''",
						"Invalid value for option '--root': an empty path names no file or folder"),
				Arguments.of("check --root site --manifest ''",
						"Invalid value for option '--manifest': an empty path names no file or folder"),
				Arguments.of("check --root site extra", "Unmatched argument at index 3: 'extra'"),
				Arguments.of("deploy --root site", "Unmatched arguments from index 0: 'deploy', '--root', 'site'"),
				Arguments.of("--root site", "Unknown options: '--root', 'site'"),
				Arguments.of("", "Missing a command: build, check, clean or publish"));
	}

}
