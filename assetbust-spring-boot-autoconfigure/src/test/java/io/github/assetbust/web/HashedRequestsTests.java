package io.github.assetbust.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** How requests for hashed paths are routed, against real builds of a real root. */
@ExtendWith(OutputCaptureExtension.class)
class HashedRequestsTests {

	@TempDir
	Path root;

	private AssetManifest manifest;

	private BuildResult first;

	@BeforeEach
	void builtOnce() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: teal; }", StandardCharsets.UTF_8);
		this.first = build();
		Path file = this.root.resolve("asset-manifest.json");
		this.manifest = new AssetManifest(new FileSystemResource(file), file.toString());
		this.manifest.load();
	}

	@AfterEach
	void close() {
		this.manifest.close();
	}

	private BuildResult build() {
		return new AssetBuilder(BuildOptions.forRoot(this.root)).build();
	}

	private static String hashed(BuildResult build, String original) {
		return build.manifest().assets().get(AssetPath.of(original)).path().toString();
	}

	@Test
	void aHashedCopyOfTheManifestIsImmutable() {
		assertThat(new HashedRequests(this.manifest, true).route(hashed(this.first, "css/main.css")))
			.isEqualTo(new HashedRequests.Route(HashedRequests.Kind.IMMUTABLE, hashed(this.first, "css/main.css")));
	}

	@Test
	void aCopyOfABuildThisServerHasNotLoadedYetIsImmutableOnceTheManifestOnDiskIsChecked() throws IOException {
		// watched, but the watcher will not look before an hour is up: only the request makes it check
		this.manifest.watch(Duration.ofHours(1));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: pink; }", StandardCharsets.UTF_8);
		String next = hashed(build(), "css/main.css");
		assertThat(this.manifest.index().isHashed(next)).isFalse();

		assertThat(new HashedRequests(this.manifest, true).route(next).kind()).isEqualTo(HashedRequests.Kind.IMMUTABLE);
		assertThat(this.manifest.index().isHashed(next)).isTrue();
	}

	@Test
	void anUnwatchedManifestIsNotReadAgainForARequest() throws IOException {
		Files.writeString(this.root.resolve("css/main.css"), "body { color: pink; }", StandardCharsets.UTF_8);
		String next = hashed(build(), "css/main.css");
		new HashedRequests(this.manifest, false).route(next);
		assertThat(this.manifest.index().isHashed(next)).isFalse();
	}

	@Test
	void aCopyOfAGenerationThisServerNeverHadGetsTheCurrentCopyCountedAndWarnedOnce(CapturedOutput output) {
		HashedRequests requests = new HashedRequests(this.manifest, true);
		String other = "css/main-0123456789abcdef0123456789abcdef.css";
		HashedRequests.Route route = requests.route(other);
		requests.route(other);
		assertThat(route).isEqualTo(new HashedRequests.Route(HashedRequests.Kind.STALE, hashed(this.first, "css/main.css")));
		assertThat(requests.staleRequests().lookups()).isEqualTo(2);
		assertThat(requests.staleRequests().firstPaths()).containsExactly(other);
		assertThat(output.getAll()).containsOnlyOnce("Hashed copy '" + other + "' is in no generation");
	}

	@Test
	void withoutFallbackItIsLeftToTheOtherHandlers() {
		assertThat(new HashedRequests(this.manifest, false).route("css/main-0123456789abcdef0123456789abcdef.css").kind())
			.isEqualTo(HashedRequests.Kind.NONE);
	}

	@Test
	void aHashedLookingNameOfNoAssetAndAPlainNameAreLeftToTheOtherHandlers() {
		HashedRequests requests = new HashedRequests(this.manifest, true);
		assertThat(requests.route("css/none-0123456789abcdef0123456789abcdef.css").kind()).isEqualTo(HashedRequests.Kind.NONE);
		assertThat(requests.route("css/main.css").kind()).isEqualTo(HashedRequests.Kind.NONE);
		assertThat(requests.route("../etc/passwd-0123456789abcdef0123456789abcdef").kind()).isEqualTo(HashedRequests.Kind.NONE);
	}

	@Test
	void onlyA200A206AndA304MayCarryTheCacheHeader() {
		assertThat(IntStream.of(200, 206, 304)).allMatch(HashedRequests::isCacheable);
		assertThat(IntStream.of(100, 101, 103, 201, 204, 300, 301, 302, 303, 307, 308, 400, 404, 412, 416, 500, 503))
			.noneMatch(HashedRequests::isCacheable);
	}

}
