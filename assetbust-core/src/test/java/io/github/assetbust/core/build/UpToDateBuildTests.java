package io.github.assetbust.core.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.Retention;
import io.github.assetbust.core.rewrite.ReferenceOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build that finds the tree exactly as the last build left it does nothing, reading only the
 * record of how it was left; any other change, made by anyone at any time, is still noticed.
 */
class UpToDateBuildTests {

	private static final AssetPath MAIN = AssetPath.of("css/main.css");

	private static final AssetPath APP = AssetPath.of("js/app.js");

	@TempDir
	Path root;

	@BeforeEach
	void site() throws IOException {
		TestFiles.write(this.root, "img/logo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		TestFiles.write(this.root, "css/main.css",
				"body { background: url(../img/logo.png); color: red; margin: 0; padding: 0; }\n".repeat(20));
		TestFiles.write(this.root, "js/app.js", "console.log(1);\n");
	}

	private BuildOptions options() {
		return BuildOptions.forRoot(this.root);
	}

	private BuildResult build() {
		return new AssetBuilder(options()).build();
	}

	private Path cache() {
		return options().stateFile(StateFile.CACHE);
	}

	private static String withoutTime(BuildResult result) {
		return result.summary().replaceAll("in \\d+ ms", "in _ ms");
	}

	@Test
	void aBuildThatFindsTheTreeAsTheLastOneLeftItReadsNeitherTheCacheNorTheManifest() throws IOException {
		build();
		BuildResult slow = build();
		// a cache a build would have to ignore, hashing every file again: this one never reads it
		Files.writeString(cache(), "{ not json");

		BuildResult again = build();

		assertThat(again.written()).isZero();
		assertThat(again.reused()).isEqualTo(again.assets()).isEqualTo(3);
		assertThat(withoutTime(again)).isEqualTo(withoutTime(slow));
		assertThat(again.references().count(ReferenceOutcome.REWRITTEN)).isEqualTo(20);
		assertThat(Files.readString(cache())).isEqualTo("{ not json");
		assertThat(again.manifest()).isEqualTo(ManifestStore.read(options().manifest()));
	}

	@Test
	void aSourceEditedSinceIsHashedAgain() throws IOException {
		String before = build().manifest().assets().get(APP).path().toString();
		// the same size: only the time and the bytes tell
		TestFiles.write(this.root, "js/app.js", "console.log(2);\n");

		BuildResult again = build();

		assertThat(again.written()).isEqualTo(1);
		assertThat(again.manifest().assets().get(APP).path().toString()).isNotEqualTo(before)
			.contains(TestFiles.md5("console.log(2);\n".getBytes()));
	}

	@Test
	void aNewFileIsHashed() throws IOException {
		build();
		TestFiles.write(this.root, "js/more.js", "more();\n");

		BuildResult again = build();

		assertThat(again.manifest().assets()).containsKey(AssetPath.of("js/more.js"));
	}

	@Test
	void aHashedCopyDeletedSinceIsWrittenAgain() throws IOException {
		Path copy = this.root.resolve(build().manifest().assets().get(MAIN).path().toString());
		Files.delete(copy);

		BuildResult again = build();

		assertThat(again.written()).isEqualTo(1);
		assertThat(copy).isRegularFile();
	}

	@Test
	void aSourceChangedWhileTheBuildRanIsHashedAgainByTheNextBuild() throws IOException {
		AtomicBoolean edited = new AtomicBoolean();
		BuildResult first = new AssetBuilder(options()).onProgress((done, total) -> {
			// once every file is hashed: the build's copy of app.js is of the old content
			if (done == total && edited.compareAndSet(false, true)) {
				try {
					TestFiles.write(this.root, "js/app.js", "console.log('edited while hashing');\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}).build();
		assertThat(edited).isTrue();

		BuildResult again = build();

		assertThat(again.manifest().assets().get(APP).path().toString())
			.contains(TestFiles.md5("console.log('edited while hashing');\n".getBytes()));
		assertThat(again.manifest()).isNotEqualTo(first.manifest());
	}

	@Test
	void aStaleCopyKeptForItsAgeIsRemovedOnceItAgesOutThoughNothingElseChanged() throws IOException {
		BuildOptions options = options().withRetention(new Retention(0, Duration.ofHours(1)));
		String old = new AssetBuilder(options).build().manifest().assets().get(APP).path().toString();
		TestFiles.write(this.root, "js/app.js", "console.log('second');\n");
		new AssetBuilder(options).build();
		assertThat(new AssetBuilder(options).build().removed()).as("still younger than an hour").isEmpty();
		assertThat(this.root.resolve(old)).isRegularFile();

		BuildResult later = new AssetBuilder(options, Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).build();

		assertThat(later.removed()).extracting(AssetPath::toString).containsExactly(old);
		assertThat(this.root.resolve(old)).doesNotExist();
	}

	@Test
	void aBrokenReferenceIsReportedByEveryBuild() throws IOException {
		TestFiles.write(this.root, "css/broken.css", "a { background: url(missing.png); }\n");
		assertThat(build().references().problems()).hasSize(1);

		assertThat(build().references().problems()).hasSize(1);
	}

	@Test
	void anotherSettingMakesTheNextBuildDoItsWork() throws IOException {
		BuildResult first = build();
		Path copy = this.root.resolve(first.manifest().assets().get(MAIN).path().toString());

		new AssetBuilder(options().withCompress(Set.of(Compression.GZIP))).build();

		assertThat(copy.resolveSibling(copy.getFileName() + ".gz")).isRegularFile();
	}

	@Test
	void aManifestEditedByHandIsWrittenAgain() throws IOException {
		String copy = build().manifest().assets().get(APP).path().toString();
		String built = Files.readString(options().manifest());
		Files.writeString(options().manifest(), built.replace(copy, "js/app-0123456789abcdef0123456789abcdef.js"));

		build();

		assertThat(Files.readString(options().manifest())).isEqualTo(built);
	}

}
