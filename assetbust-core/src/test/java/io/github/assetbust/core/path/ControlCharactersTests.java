package io.github.assetbust.core.path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTests {

	@Test
	void leavesPrintableNamesAsTheyAre() {
		String name = "css/ünï 日本 (1) a\\nb.css";
		assertThat(ControlCharacters.escape(name)).isSameAs(name);
	}

	@Test
	void escapesEveryCharacterThatCouldEndOrRewriteALine() {
		assertThat(ControlCharacters.escape("x.css\nassetbust: 0 assets hashed"))
			.isEqualTo("x.css\\nassetbust: 0 assets hashed");
		assertThat(ControlCharacters.escape("a\rb\tc")).isEqualTo("a\\rb\\tc");
		assertThat(ControlCharacters.escape("bell\u0007 esc\u001b[31m del\u007f nel\u0085"))
			.isEqualTo("bell\\u0007 esc\\u001b[31m del\\u007f nel\\u0085");
		assertThat(ControlCharacters.escape("line\u2028para\u2029")).isEqualTo("line\\u2028para\\u2029");
	}

}
