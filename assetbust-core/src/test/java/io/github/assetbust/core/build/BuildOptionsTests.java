package io.github.assetbust.core.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.digest.Digest;
import io.github.assetbust.core.digest.DigestAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildOptionsTests {

	private final Path root = Path.of("/var/www/html");

	@Test
	void defaultsToFullMd5AndAManifestInTheRoot() {
		BuildOptions options = BuildOptions.forRoot(this.root);
		assertThat(options.algorithm()).isEqualTo(DigestAlgorithm.MD5);
		assertThat(options.digestLength()).isEqualTo(32);
		assertThat(options.manifest()).isEqualTo(this.root.resolve("asset-manifest.json"));
		assertThat(options.reproducible()).isFalse();
	}

	@Test
	void defaultsToEverythingButDotfilesAndSassSources() {
		BuildOptions options = BuildOptions.forRoot(this.root);
		assertThat(options.includes()).containsExactly("**/*");
		assertThat(options.excludes()).containsExactly(".*", "**/.*", "**/*.scss");
	}

	@Test
	void usesTheFullLengthOfAnotherAlgorithm() {
		assertThat(BuildOptions.forRoot(this.root).withAlgorithm(DigestAlgorithm.SHA256).digestLength()).isEqualTo(64);
	}

	@Test
	void rejectsADigestShorterThanEightCharacters() {
		assertThatThrownBy(() -> BuildOptions.forRoot(this.root).withDigestLength(7))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Digest length 7")
			.hasMessageContaining("8 to 32");
	}

	@Test
	void rejectsADigestLongerThanTheAlgorithmGives() {
		assertThatThrownBy(() -> BuildOptions.forRoot(this.root).withDigestLength(33))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("Digest length 33");
	}

	@Test
	void keepsItsOwnCopyOfTheGlobLists() {
		List<String> excludes = new ArrayList<>(List.of("**/*.map"));
		BuildOptions options = BuildOptions.forRoot(this.root).withExcludes(excludes);
		excludes.add("**/*.css");
		assertThat(options.excludes()).containsExactly("**/*.map");
	}

}
