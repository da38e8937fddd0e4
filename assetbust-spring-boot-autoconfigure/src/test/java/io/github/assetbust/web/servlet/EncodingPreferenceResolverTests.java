package io.github.assetbust.web.servlet;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which encodings a client's {@code Accept-Encoding} accepts, in the server's order. */
class EncodingPreferenceResolverTests {

	private final EncodingPreferenceResolver resolver = new EncodingPreferenceResolver(List.of("br", "gzip"));

	@Test
	void putsTheServersPreferenceBeforeTheClientsOrder() {
		assertThat(this.resolver.accepted("gzip, deflate, br, zstd")).containsExactly("br", "gzip");
		assertThat(this.resolver.accepted("GZIP,BR")).containsExactly("br", "gzip");
	}

	@Test
	void leavesOutWhatTheClientRefusesOrDoesNotName() {
		assertThat(this.resolver.accepted("br;q=0, gzip;q=0.5")).containsExactly("gzip");
		assertThat(this.resolver.accepted("br; q=0.0")).isEmpty();
		assertThat(this.resolver.accepted("deflate, identity")).isEmpty();
		assertThat(this.resolver.accepted("gzip")).containsExactly("gzip");
	}

	@Test
	void aWildcardAcceptsWhatIsNotRefusedByName() {
		assertThat(this.resolver.accepted("*")).containsExactly("br", "gzip");
		assertThat(this.resolver.accepted("*, br;q=0")).containsExactly("gzip");
		assertThat(this.resolver.accepted("*;q=0, gzip")).containsExactly("gzip");
	}

	@Test
	void aMalformedQualityCountsAsAccepting() {
		assertThat(this.resolver.accepted("br;q=high")).containsExactly("br");
	}

}
