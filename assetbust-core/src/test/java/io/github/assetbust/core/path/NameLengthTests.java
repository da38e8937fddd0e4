package io.github.assetbust.core.path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameLengthTests {

	@Test
	void countsBytesOfUtf8AsFileSystemsDoNotCharacters() {
		assertThat(NameLength.of("main.css")).isEqualTo(8);
		assertThat(NameLength.of("ünï.css")).isEqualTo(9);
		assertThat(NameLength.of("图.png")).isEqualTo(7);
		assertThat(NameLength.of("😀.png")).isEqualTo(8);
	}

	@Test
	void aNameOfExactly255BytesFitsAndOneByteMoreDoesNot() {
		assertThat(NameLength.fits("a".repeat(255))).isTrue();
		assertThat(NameLength.fits("a".repeat(256))).isFalse();
	}

	@Test
	void aNameThatFitsInCharactersCanStillBeTooLongInBytes() {
		// 85 and 86 characters of three bytes each
		assertThat(NameLength.fits("图".repeat(85))).isTrue();
		assertThat(NameLength.fits("图".repeat(86))).isFalse();
	}

}
