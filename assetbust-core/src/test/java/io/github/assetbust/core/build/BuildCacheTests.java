package io.github.assetbust.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.assetbust.core.TestFiles;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.FormatFixtures;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCacheTests {

	@TempDir
	Path root;

	private BuildOptions options() {
		return BuildOptions.forRoot(this.root);
	}

	private BuildCache cacheOfTheFixture() {
		BuildCache cache = BuildCache.empty(options());
		FormatFixtures.cacheEntries().forEach(cache::put);
		return cache;
	}

	@Test
	void writesTheSameBytesAsEarlierReleases() throws IOException {
		Path file = this.root.resolve("cache.json");
		cacheOfTheFixture().write(file);
		assertThat(Files.readAllBytes(file)).isEqualTo(FormatFixtures.bytes("build-cache.json"));
	}

	@Test
	void readsEveryFieldEarlierReleasesWrote() throws IOException {
		Path file = Files.write(this.root.resolve("cache.json"), FormatFixtures.bytes("build-cache.json"));
		BuildCache cache = BuildCache.read(file, options());
		// what it read is exactly what this build learnt again, so there is nothing to write
		FormatFixtures.cacheEntries().forEach(cache::put);
		Path rewritten = this.root.resolve("rewritten.json");
		cache.write(rewritten);
		assertThat(rewritten).doesNotExist();
		assertThat(cache.previousVariants(AssetPath.of("css/main-" + FormatFixtures.MD5 + ".css")))
			.isEqualTo(Map.of(Compression.GZIP, true, Compression.BROTLI, false));
	}

	@Test
	void reusesAnEntryWhoseStampAndCopyAreUnchanged() throws IOException {
		Path file = Files.write(this.root.resolve("cache.json"), FormatFixtures.bytes("build-cache.json"));
		AssetPath image = AssetPath.of("img/ünïcødé 图.png");
		TestFiles.write(this.root, "img/ünïcødé 图-" + FormatFixtures.MD5 + ".png", new byte[0]);
		BuildCache cache = BuildCache.read(file, options());
		assertThat(cache.reusable(this.root, image, FormatFixtures.IMAGE_STAMP))
			.isEqualTo(FormatFixtures.cacheEntries().get(image));
		assertThat(cache.reusable(this.root, image, "1/" + FormatFixtures.IMAGE_STAMP)).isNull();
	}

	@Test
	void ignoresACacheOfOtherDigestSettings() throws IOException {
		Path file = Files.write(this.root.resolve("cache.json"), FormatFixtures.bytes("build-cache.json"));
		BuildCache cache = BuildCache.read(file, options().withAlgorithm(DigestAlgorithm.SHA256));
		assertThat(cache.previousVariants(AssetPath.of("css/main-" + FormatFixtures.MD5 + ".css"))).isEmpty();
	}

	@Test
	void ignoresACacheItCannotRead() throws IOException {
		TestFiles.write(this.root, "a-1.css", "a");
		String entry = "\"stamp\": \"s\", \"path\": \"a-1.css\", \"integrity\": \"\", \"size\": 1";
		assertThat(reusable("{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry + "}}}"))
			.as("a readable cache").isNotNull();
		String[] unreadable = { "", "{ not json", "[]", "{\"settings\": \"md5:32\"}",
				"{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry.replace("\"stamp\": \"s\", ", "") + "}}}",
				"{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry.replace("a-1.css", "../a-1.css") + "}}}",
				"{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry + ", \"outcomes\": {\"NO_SUCH\": 1}}}}",
				"{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry + ", \"variants\": {\"zip\": true}}}}",
				"{\"settings\": \"md5:32\", \"files\": {\"a.css\": {" + entry + "}}" };
		for (String json : unreadable) {
			assertThat(reusable(json)).as(json).isNull();
		}
	}

	private BuildCache.Entry reusable(String json) throws IOException {
		Path file = Files.writeString(this.root.resolve("cache.json"), json);
		return BuildCache.read(file, options()).reusable(this.root, AssetPath.of("a.css"), "s");
	}

}
