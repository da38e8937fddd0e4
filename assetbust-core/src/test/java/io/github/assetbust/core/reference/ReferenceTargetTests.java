package io.github.assetbust.core.reference;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.reference.ReferenceTarget.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ReferenceTargetTests {

	private static final String D = "5d41402abc4b2a76b9719d911017c592";

	private static final AssetPath MAIN_CSS = AssetPath.of("css/main.css");

	/** Text as the builder hands it over: UTF-8 bytes, one char a byte. */
	private static String latin1(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	/** The reverse, for reading rewritten text. */
	private static String utf8(String latin1) {
		return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	// classification

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			data:image/png;base64,iVBORw0KGgo=                     | DATA_URI
			DATA:image/svg+xml,%3csvg%3e                           | DATA_URI
			data:image/svg+xml,%3csvg xmlns=%22a%22%3e#x           | DATA_URI
			http://example.com/a.png                               | EXTERNAL
			https://cdn.example.com/a.png?v=1                      | EXTERNAL
			HTTPS://CDN.EXAMPLE.COM/A.PNG                          | EXTERNAL
			//cdn.example.com/a.png                                | EXTERNAL
			mailto:someone@example.com                             | EXTERNAL
			about:blank                                            | EXTERNAL
			#frag                                                  | FRAGMENT_ONLY
			#default#VML                                           | FRAGMENT_ONLY
			../../etc/passwd                                       | OUTSIDE_ROOT
			../../../../etc/passwd                                 | OUTSIDE_ROOT
			/../etc/passwd                                         | OUTSIDE_ROOT
			../img/../../../secret.txt                             | OUTSIDE_ROOT
			%2e%2e/%2e%2e/etc/passwd                               | OUTSIDE_ROOT
			..%2F..%2Fetc%2Fpasswd                                 | OUTSIDE_ROOT
			\\2e\\2e/\\2e\\2e/etc/passwd                           | OUTSIDE_ROOT
			""")
	void classifiesWhatIsLeftAlone(String url, Kind kind) {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, url);
		assertThat(target.kind()).isEqualTo(kind);
		assertThat(target.path()).isNull();
	}

	@ParameterizedTest(name = "{0} from css/main.css is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			a.png                       | css/a.png
			./a.png                     | css/a.png
			../img/a.png                | img/a.png
			img/../../img/a.png         | img/a.png
			/img/x.png                  | img/x.png
			/css/../img/x.png           | img/x.png
			../img/my%20logo.png        | img/my logo.png
			../img/my\\ logo.png        | img/my logo.png
			../img/a\\)b.png            | img/a)b.png
			../img/a\\\"b.png           | img/a"b.png
			../img/caf\\e9 .png         | img/café.png
			../img/caf\\0000e9.png      | img/café.png
			../img/%C3%BCn%C3%AF.png    | img/ünï.png
			../img/100%25.png           | img/100%.png
			../img/50%off.png           | img/50%off.png
			../fonts/f.eot?#iefix       | fonts/f.eot
			../fonts/f.svg?v=4.7.0#fa   | fonts/f.svg
			sprite.svg#icon             | css/sprite.svg
			'  ../img/a.png  '          | img/a.png
			""")
	void resolvesLocalReferences(String url, String path) {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, url);
		assertThat(target.kind()).isEqualTo(Kind.LOCAL);
		assertThat(target.path()).isEqualTo(AssetPath.of(path));
	}

	@Test
	void resolvesAUtf8NameHandedOverOneCharAByte() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, latin1("../img/ünï 图.png"));
		assertThat(target.kind()).isEqualTo(Kind.LOCAL);
		assertThat(target.path()).isEqualTo(AssetPath.of("img/ünï 图.png"));
	}

	@Test
	void resolvesFromAFileAtTheRoot() {
		assertThat(ReferenceTarget.of(AssetPath.of("main.css"), "img/a.png").path()).isEqualTo(AssetPath.of("img/a.png"));
	}

	@Test
	void keepsOneLevelUpFromTheRootOutside() {
		assertThat(ReferenceTarget.of(AssetPath.of("main.css"), "../a.png").kind()).isEqualTo(Kind.OUTSIDE_ROOT);
	}

	@Test
	void splitsTheQueryAndFragmentOffAsWritten() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "../fonts/f%20x.eot?#iefix&v=4.7.0");
		assertThat(target.rawPath()).isEqualTo("../fonts/f%20x.eot");
		assertThat(target.rawSuffix()).isEqualTo("?#iefix&v=4.7.0");
		assertThat(target.path()).isEqualTo(AssetPath.of("fonts/f x.eot"));
	}

	@Test
	void keepsTheFragmentOfAFragmentOnlyReference() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "#icon");
		assertThat(target.rawPath()).isEmpty();
		assertThat(target.rawSuffix()).isEqualTo("#icon");
	}

	@Test
	void doesNotFailOnACssEscapeBeyondUnicode() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "\\110000.png");
		assertThat(target.kind()).isEqualTo(Kind.LOCAL);
		assertThat(target.path()).isEqualTo(AssetPath.of("css/\uFFFD.png"));
	}

	@Test
	void doesNotFailOnAnEscapedSurrogate() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "\\d800.png");
		assertThat(target.kind()).isEqualTo(Kind.LOCAL);
		assertThat(target.path()).isEqualTo(AssetPath.of("css/\uFFFD.png"));
	}

	@Test
	void endsAHexEscapeAtATabOrALineBreakAsAtASpace() {
		assertThat(ReferenceTarget.of(MAIN_CSS, "caf\\e9\t.png").path()).isEqualTo(AssetPath.of("css/café.png"));
		assertThat(ReferenceTarget.of(MAIN_CSS, "caf\\e9\r\n.png").path()).isEqualTo(AssetPath.of("css/café.png"));
	}

	// rewriting

	static Stream<Arguments> rewrites() {
		return Stream.of(
				arguments("../img/logo.png", "img/logo-" + D + ".png", "../img/logo-" + D + ".png"),
				arguments("logo.png", "css/logo-" + D + ".png", "logo-" + D + ".png"),
				arguments("./logo.png", "css/logo-" + D + ".png", "./logo-" + D + ".png"),
				arguments("/img/x.png", "img/x-" + D + ".png", "/img/x-" + D + ".png"),
				arguments("../img/my%20logo.png?v=1#x", "img/my logo-" + D + ".png",
						"../img/my%20logo-" + D + ".png?v=1#x"),
				arguments("../fonts/f.eot?#iefix&v=4.7.0", "fonts/f-" + D + ".eot",
						"../fonts/f-" + D + ".eot?#iefix&v=4.7.0"),
				arguments("../fonts/f.svg?v=4.7.0#fontawesomeregular", "fonts/f-" + D + ".svg",
						"../fonts/f-" + D + ".svg?v=4.7.0#fontawesomeregular"),
				arguments("app.min.css.map", "css/app.min.css-" + D + ".map", "app.min.css-" + D + ".map"),
				arguments("../LICENSE", "LICENSE-" + D, "../LICENSE-" + D),
				arguments("../img/my\\ logo.png", "img/my logo-" + D + ".png", "../img/my\\ logo-" + D + ".png"),
				arguments("../img/a\\)b.png", "img/a)b-" + D + ".png", "../img/a\\)b-" + D + ".png"),
				arguments("../img/caf\\e9 .png", "img/café-" + D + ".png", "../img/caf\\e9 -" + D + ".png"),
				arguments("../img/%C3%BCn%C3%AF.png", "img/ünï-" + D + ".png", "../img/%C3%BCn%C3%AF-" + D + ".png"),
				arguments("../IMG/Logo.PNG", "IMG/Logo-" + D + ".PNG", "../IMG/Logo-" + D + ".PNG"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("rewrites")
	void rewritesKeepingFolderSuffixAndEscaping(String url, String hashed, String expected) {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, url);
		assertThat(target.rewrittenTo(AssetPath.of(hashed))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("rewrites")
	void rewritesToAUrlThatResolvesToTheHashedCopy(String url, String hashed, String expected) {
		String rewritten = ReferenceTarget.of(MAIN_CSS, url).rewrittenTo(AssetPath.of(hashed));
		assertThat(ReferenceTarget.of(MAIN_CSS, rewritten).path()).isEqualTo(AssetPath.of(hashed));
	}

	@Test
	void rewritesAUtf8NameKeepingItsBytes() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, latin1("../img/ünï 图.png?v=1"));
		String rewritten = target.rewrittenTo(AssetPath.of("img/ünï 图-" + D + ".png"));
		assertThat(utf8(rewritten)).isEqualTo("../img/ünï 图-" + D + ".png?v=1");
	}

	@Test
	void fallsBackToAPercentEncodedNameWhenTheDigestCannotBeSlottedIn() {
		// the extension's dot is written encoded, so there is no dot to put the digest before
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "../img/it%27s%20%281%29%2Epng?v=1");
		assertThat(target.path()).isEqualTo(AssetPath.of("img/it's (1).png"));
		String rewritten = target.rewrittenTo(AssetPath.of("img/it's (1)-" + D + ".png"));
		assertThat(rewritten).isEqualTo("../img/it%27s%20%281%29-" + D + ".png?v=1");
		assertThat(ReferenceTarget.of(MAIN_CSS, rewritten).path()).isEqualTo(AssetPath.of("img/it's (1)-" + D + ".png"));
	}

	@Test
	void fallsBackWhenTheLastWrittenDotIsNotTheExtensionsDot() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "../img/a.b%2Epng");
		String rewritten = target.rewrittenTo(AssetPath.of("img/a.b-" + D + ".png"));
		assertThat(rewritten).isEqualTo("../img/a.b-" + D + ".png");
	}

	@Test
	void fallsBackToAUrlSafeInAnUnquotedUrl() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, latin1("../img/ünï%20(2)%2Epng"));
		String rewritten = target.rewrittenTo(AssetPath.of("img/ünï (2)-" + D + ".png"));
		assertThat(rewritten).matches("[A-Za-z0-9._~%/-]+");
		assertThat(ReferenceTarget.of(MAIN_CSS, rewritten).path()).isEqualTo(AssetPath.of("img/ünï (2)-" + D + ".png"));
	}

	@Test
	void fallsBackToARootRelativeUrlWhenTheUrlDoesNotEndInTheName() {
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "logo.png%2F.?v=1");
		assertThat(target.path()).isEqualTo(AssetPath.of("css/logo.png"));
		assertThat(target.rewrittenTo(AssetPath.of("css/logo-" + D + ".png"))).isEqualTo("/css/logo-" + D + ".png?v=1");
	}

	@Test
	void keepsTheFolderWhenTheNameHoldsAnEscapedSlash() {
		// a CSS escape is undone before the URL is parsed, so \2f is a real folder separator
		ReferenceTarget target = ReferenceTarget.of(MAIN_CSS, "img\\2f logo.png");
		assertThat(target.path()).isEqualTo(AssetPath.of("css/img/logo.png"));
		String rewritten = target.rewrittenTo(AssetPath.of("css/img/logo-" + D + ".png"));
		assertThat(ReferenceTarget.of(MAIN_CSS, rewritten).path()).isEqualTo(AssetPath.of("css/img/logo-" + D + ".png"));
	}

}
