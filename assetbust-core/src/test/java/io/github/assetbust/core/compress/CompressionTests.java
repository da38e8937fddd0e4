package io.github.assetbust.core.compress;

import java.util.List;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTests {

	@Test
	void readsTheIdsOfConfigurationAndCommandLine() {
		assertThat(Compression.parse(List.of("gzip", "br"))).containsExactly(Compression.GZIP, Compression.BROTLI);
		assertThat(Compression.parse(List.of("br,gzip"))).containsExactly(Compression.GZIP, Compression.BROTLI);
		assertThat(Compression.parse(List.of(" GZIP ", "Brotli", "gz"))).containsExactly(Compression.GZIP,
				Compression.BROTLI);
		assertThat(Compression.parse(List.of())).isEmpty();
		assertThat(Compression.parse(List.of(""))).isEmpty();
	}

	@Test
	void namesTheUnknownIdAndWhatToUse() {
		assertThatThrownBy(() -> Compression.parse(List.of("gzip", "zip"))).isInstanceOf(AssetbustException.class)
			.hasMessage("Unknown compression 'zip': use gzip or br");
	}

	@Test
	void compressesTextAndUncompressedFontsOnly() {
		for (String path : List.of("a.css", "a.js", "a.mjs", "a.svg", "a.json", "a.css.map", "a.txt", "a.xml",
				"a.html", "a.htm", "f.ttf", "f.otf", "f.eot", "A.CSS")) {
			assertThat(Compression.appliesTo(AssetPath.of(path))).as(path).isTrue();
		}
		for (String path : List.of("a.png", "a.jpg", "a.jpeg", "a.gif", "a.webp", "a.avif", "f.woff", "f.woff2",
				"a.gz", "a.br", "LICENSE")) {
			assertThat(Compression.appliesTo(AssetPath.of(path))).as(path).isFalse();
		}
	}

	@Test
	void namesVariantsAfterTheirCopies() {
		AssetPath copy = AssetPath.of("css/main-0123456789abcdef0123456789abcdef.css");
		assertThat(Compression.GZIP.variantOf(copy)).hasToString("css/main-0123456789abcdef0123456789abcdef.css.gz");
		assertThat(Compression.BROTLI.variantOf(copy)).hasToString("css/main-0123456789abcdef0123456789abcdef.css.br");
		assertThat(Compression.copyOfVariant(Compression.BROTLI.variantOf(copy))).isEqualTo(copy);
		assertThat(Compression.copyOfVariant(copy)).isNull();
		assertThat(Compression.copyOfVariant(AssetPath.of("downloads/site.tar.gz"))).isNull();
		assertThat(Compression.copyOfVariant(AssetPath.of(".gz"))).isNull();
	}

	@Test
	void namesTheNativeArtifactOfEachPlatformAsBrotli4jDoes() {
		assertThat(BrotliCodec.nativeArtifact("Linux", "amd64")).isEqualTo("com.aayushatharva.brotli4j:native-linux-x86_64");
		assertThat(BrotliCodec.nativeArtifact("Linux", "aarch64"))
			.isEqualTo("com.aayushatharva.brotli4j:native-linux-aarch64");
		assertThat(BrotliCodec.nativeArtifact("Mac OS X", "aarch64"))
			.isEqualTo("com.aayushatharva.brotli4j:native-osx-aarch64");
		assertThat(BrotliCodec.nativeArtifact("Mac OS X", "x86_64")).isEqualTo("com.aayushatharva.brotli4j:native-osx-x86_64");
		assertThat(BrotliCodec.nativeArtifact("Windows 11", "amd64"))
			.isEqualTo("com.aayushatharva.brotli4j:native-windows-x86_64");
	}

	@Test
	void brotliIsAvailableWhereItsNativeArtifactIsOnTheClassPath() {
		Compression.BROTLI.requireAvailable();
		assertThat(Compression.BROTLI.isAvailable()).isTrue();
	}

	@Test
	void windowsFitTheInputUpToBrotlisDefault() {
		assertThat(Brotli4j.windowBits(0)).isEqualTo(10);
		assertThat(Brotli4j.windowBits(1024)).isEqualTo(10);
		assertThat(Brotli4j.windowBits(1025)).isEqualTo(11);
		assertThat(Brotli4j.windowBits(100_000)).isEqualTo(17);
		assertThat(Brotli4j.windowBits(1L << 40)).isEqualTo(22);
	}

}
