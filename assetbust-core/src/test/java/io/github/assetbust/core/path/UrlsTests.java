package io.github.assetbust.core.path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTests {

	@Test
	void returnsAPathThatNeedsNoEncodingAsItIs() {
		String path = "/css/area3/style-0cc175b9c0f1b6a831c399e269772661.min.css";
		assertThat(Urls.encodePath(path)).isSameAs(path);
		String punctuation = "/a-._~!$&'()*+,;=:@/b";
		assertThat(Urls.encodePath(punctuation)).isSameAs(punctuation);
	}

	@Test
	void percentEncodesEveryOtherByteOfTheUtf8() {
		assertThat(Urls.encodePath("/css/my file#1.css")).isEqualTo("/css/my%20file%231.css");
		assertThat(Urls.encodePath("/img/ünï 图.png")).isEqualTo("/img/%C3%BCn%C3%AF%20%E5%9B%BE.png");
		assertThat(Urls.encodePath("/js/a</script>?%.js")).isEqualTo("/js/a%3C/script%3E%3F%25.js");
		assertThat(Urls.encodePath("/x\u007f\"\\.css")).isEqualTo("/x%7F%22%5C.css");
	}

	@Test
	void takesTheQueryOrFragmentOffWhereSuffixStartFoundIt() {
		assertThat(Urls.withoutSuffix("css/main.css?v=2#top", Urls.suffixStart("css/main.css?v=2#top")))
			.isEqualTo("css/main.css");
		assertThat(Urls.withoutSuffix("img/a#b.png", Urls.suffixStart("img/a#b.png"))).isEqualTo("img/a");
		assertThat(Urls.withoutSuffix("css/main.css", -1)).isEqualTo("css/main.css");
	}

	@Test
	void aPathFromTheRootHasOneLeadingSlash() {
		assertThat(Urls.fromRoot("css/main.css")).isEqualTo("/css/main.css");
		assertThat(Urls.fromRoot("/css/main.css")).isEqualTo("/css/main.css");
	}

}
