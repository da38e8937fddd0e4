package io.github.assetbust.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which encodings a client's {@code Accept-Encoding} accepts, in the server's order. */
class PrecompressedVariantsTests {

	@Test
	void putsTheServersPreferenceBeforeTheClientsOrder() {
		assertThat(PrecompressedVariants.accepted("gzip, deflate, br, zstd")).containsExactly("br", "gzip");
		assertThat(PrecompressedVariants.accepted("GZIP,BR")).containsExactly("br", "gzip");
	}

	@Test
	void leavesOutWhatTheClientRefusesOrDoesNotName() {
		assertThat(PrecompressedVariants.accepted("br;q=0, gzip;q=0.5")).containsExactly("gzip");
		assertThat(PrecompressedVariants.accepted("br; q=0.0")).isEmpty();
		assertThat(PrecompressedVariants.accepted("deflate, identity")).isEmpty();
		assertThat(PrecompressedVariants.accepted("gzip")).containsExactly("gzip");
	}

	@Test
	void aWildcardAcceptsWhatIsNotRefusedByName() {
		assertThat(PrecompressedVariants.accepted("*")).containsExactly("br", "gzip");
		assertThat(PrecompressedVariants.accepted("*, br;q=0")).containsExactly("gzip");
		assertThat(PrecompressedVariants.accepted("*;q=0, gzip")).containsExactly("gzip");
	}

	@Test
	void aMalformedQualityCountsAsAccepting() {
		assertThat(PrecompressedVariants.accepted("br;q=high")).containsExactly("br");
	}

}
