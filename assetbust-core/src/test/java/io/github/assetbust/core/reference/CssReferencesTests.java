package io.github.assetbust.core.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CssReferencesTests {

	private static List<String> urls(String css) {
		return CssReferences.INSTANCE.find(css).stream().map(Reference::url).toList();
	}

	/** {@code line:url} for every reference, so a test can say where each one was found. */
	private static List<String> linesAndUrls(String css) {
		return CssReferences.INSTANCE.find(css).stream().map((reference) -> reference.line() + ":" + reference.url()).toList();
	}

	/** Content as the builder hands it over: UTF-8 bytes, one char a byte. */
	private static String asBuilderReadsIt(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	static Stream<Arguments> stylesheets() {
		return Stream.of(
				// url() in every quoting style
				arguments("unquoted url", "a { background: url(img/a.png); }", List.of("img/a.png")),
				arguments("single-quoted url", "a { background: url('img/a.png'); }", List.of("img/a.png")),
				arguments("double-quoted url", "a { background: url(\"img/a.png\"); }", List.of("img/a.png")),
				arguments("spaces around an unquoted url", "a { background: url(   img/a.png   ); }",
						List.of("img/a.png")),
				arguments("spaces around a quoted url", "a { background: url( \"img/a.png\" ); }",
						List.of("img/a.png")),
				arguments("newline and tab inside url( )", "a { background: url(\n\t'img/a.png'\n); }",
						List.of("img/a.png")),
				arguments("the other quote inside a string", "a { background: url(\"it's.png\"); }",
						List.of("it's.png")),
				arguments("spaces inside a quoted url", "a { background: url(\"../img/my logo.png\"); }",
						List.of("../img/my logo.png")),
				// escapes are kept exactly as written
				arguments("escaped parenthesis in an unquoted url", "a { background: url(a\\)b.png); }",
						List.of("a\\)b.png")),
				arguments("escaped quote in a quoted url", "a { background: url(\"a\\\"b.png\"); }",
						List.of("a\\\"b.png")),
				arguments("escaped space in an unquoted url", "a { background: url(my\\ logo.png); }",
						List.of("my\\ logo.png")),
				arguments("hex escape ended by a space in an unquoted url",
						"a { background: url(my\\20 logo.png); }", List.of("my\\20 logo.png")),
				arguments("six-digit hex escape in an unquoted url",
						"a { background: url(caf\\0000e9.png) }", List.of("caf\\0000e9.png")),
				arguments("hex escape with a space, then the closing parenthesis",
						"a { background: url(a\\29 ) b }", List.of("a\\29 ")),
				arguments("escaped quote in a selector opens no string",
						".a\\\"b { background: url(x.png); }", List.of("x.png")),
				// the function name is case-insensitive, and must be exactly url
				arguments("uppercase URL(", "a { background: URL(a.png); }", List.of("a.png")),
				arguments("mixed-case Url(", "a { background: Url('a.png'); }", List.of("a.png")),
				arguments("a function merely ending in url", "a { background: myurl(x.png); }", List.of()),
				arguments("a function with url inside its name", "a { width: my-url-width(x.png); }", List.of()),
				// comments and unrelated strings
				arguments("url inside a comment", "/* background: url(a.png); */ a { color: red; }", List.of()),
				arguments("import inside a comment", "/* @import \"x.css\"; */\na { color: red; }", List.of()),
				arguments("apostrophe inside a comment opens no string",
						"/* don't */ a { background: url(a.png); }", List.of("a.png")),
				arguments("comment opener inside a string", "a { content: \"/*\"; background: url(a.png); }",
						List.of("a.png")),
				arguments("url text inside a content string", "a::before { content: \"url(x.png)\"; }", List.of()),
				arguments("url text inside a single-quoted content string", "a::before { content: 'url(x.png)'; }",
						List.of()),
				arguments("import text inside a string", "a::before { content: \"@import 'x.css'\"; }", List.of()),
				arguments("charset string", "@charset \"UTF-8\";\n@import \"x.css\";", List.of("x.css")),
				arguments("font-family strings", "a { font-family: \"Helvetica Neue\", 'Arial.ttf'; }", List.of()),
				// several on one line
				arguments("three urls on one line",
						"a{background:url(a.png),url('b.png'),url(\"c.png\")}", List.of("a.png", "b.png", "c.png")),
				// @import in every form
				arguments("@import with a double-quoted string", "@import \"x.css\";", List.of("x.css")),
				arguments("@import with a media query", "@import 'x.css' screen;", List.of("x.css")),
				arguments("@import without a space", "@import\"x.css\";", List.of("x.css")),
				arguments("@import across lines", "@import\n   \"x.css\";", List.of("x.css")),
				arguments("@import with a comment before the string", "@import /* base */ \"x.css\";",
						List.of("x.css")),
				arguments("uppercase @IMPORT", "@IMPORT \"x.css\";", List.of("x.css")),
				arguments("@import url() with a media type", "@import url(x.css) print;", List.of("x.css")),
				arguments("@import url(\"\") with supports() and a media query",
						"@import url(\"x.css\") supports(display: grid) screen and (min-width: 0);",
						List.of("x.css")),
				arguments("@import layer() with a string", "@import \"x.css\" layer(base) screen;", List.of("x.css")),
				arguments("a string after an @import statement",
						"@import \"x.css\";\na::before { content: \"y.css\"; }", List.of("x.css")),
				// image-set
				arguments("image-set strings", "a { background: image-set(\"a.png\" 1x, \"b.png\" 2x); }",
						List.of("a.png", "b.png")),
				arguments("-webkit-image-set url()", "a { background: -webkit-image-set(url(a.png) 1x); }",
						List.of("a.png")),
				arguments("image-set mixing url() and strings",
						"a { background: image-set(url(a.png) 1x, 'b.png' 2x); }", List.of("a.png", "b.png")),
				arguments("image-set type() is not a reference",
						"a { background: image-set(\"a.png\" type(\"image/png\")); }", List.of("a.png")),
				arguments("uppercase IMAGE-SET", "a { background: IMAGE-SET(\"a.png\" 1x); }", List.of("a.png")),
				arguments("a string after image-set closes",
						"a { background: image-set(\"a.png\" 1x); content: \"b.png\"; }", List.of("a.png")),
				// @font-face src lists keep their suffixes; format() and local() are not references
				arguments("@font-face src list",
						"@font-face { src: url(f.eot?#iefix) format(\"embedded-opentype\"), url(f.woff2) format(\"woff2\"), local(\"Font\") }",
						List.of("f.eot?#iefix", "f.woff2")),
				arguments("version query", "@font-face { src: url('../fonts/fa.woff2?v=4.7.0') format('woff2'); }",
						List.of("../fonts/fa.woff2?v=4.7.0")),
				arguments("query and fragment", "@font-face { src: url('../fonts/fa.svg?v=4.7.0#fontawesomeregular'); }",
						List.of("../fonts/fa.svg?v=4.7.0#fontawesomeregular")),
				arguments("svg sprite fragment", "a { mask: url(sprite.svg#icon); }", List.of("sprite.svg#icon")),
				// source map comments
				arguments("source map comment", "a{}\n/*# sourceMappingURL=main.css.map */", List.of("main.css.map")),
				arguments("legacy source map comment", "a{}\n/*@ sourceMappingURL=main.css.map*/",
						List.of("main.css.map")),
				arguments("a comment merely mentioning sourceMappingURL",
						"/* see sourceMappingURL=main.css.map */\na{}", List.of()),
				// what is found is the text; classifying it is ReferenceTarget's job
				arguments("data URI with quotes and spaces inside",
						"a { background: url(\"data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg'%3e%3c/svg%3e\"); }",
						List.of("data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg'%3e%3c/svg%3e")),
				arguments("custom property", ":root { --logo: url(img/logo.png); }", List.of("img/logo.png")),
				arguments("empty url", "a { background: url(); b: url(\"\"); }", List.of()),
				arguments("UTF-8 file name, one char a byte", asBuilderReadsIt("a { background: url(../img/ünï.png); }"),
						List.of(asBuilderReadsIt("../img/ünï.png"))),
				// unterminated input at the end of the file: no crash, and nothing invented
				arguments("unterminated comment", "a { background: url(a.png); }\n/* url(b.png)", List.of("a.png")),
				arguments("unterminated content string", "a { background: url(a.png); content: \"url(b.png)",
						List.of("a.png")),
				arguments("unterminated quoted url", "a { background: url(\"a.png", List.of("a.png")),
				arguments("unterminated unquoted url", "a { background: url(a.png", List.of("a.png")),
				arguments("url( at the very end", "a { background: url(", List.of()),
				arguments("backslash at the very end", "a { background: url(a\\", List.of("a\\")),
				arguments("lone backslash at the very end", "a\\", List.of()),
				arguments("@import at the very end", "@import", List.of()),
				arguments("image-set( at the very end", "a { background: image-set(", List.of()),
				arguments("empty stylesheet", "", List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stylesheets")
	void findsExactlyTheReferencesWritten(String description, String css, List<String> expected) {
		assertThat(urls(css)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stylesheets")
	void givesOffsetsThatCutExactlyTheUrlOutOfTheContent(String description, String css, List<String> expected) {
		for (Reference reference : CssReferences.INSTANCE.find(css)) {
			assertThat(css.substring(reference.start(), reference.end())).isEqualTo(reference.url());
		}
	}

	@Test
	void numbersLinesFromOne() {
		String css = """
				@import "base.css";
				/* a comment
				   over two lines with url(nope.png) */
				.a { background: url(a.png); }

				.b { background: image-set("b.png" 1x,
				                           "b@2x.png" 2x); }
				/*# sourceMappingURL=main.css.map */
				""";
		assertThat(linesAndUrls(css)).containsExactly("1:base.css", "4:a.png", "6:b.png", "7:b@2x.png",
				"8:main.css.map");
	}

	@Test
	void numbersLinesOfCrlfContentLikeLf() {
		String css = "@import \"base.css\";\r\n\r\n.a { background: url(a.png); }\r\n";
		assertThat(linesAndUrls(css)).containsExactly("1:base.css", "3:a.png");
	}

	@Test
	void numbersLinesInsideAMultiLineUrl() {
		String css = ".a {\n  background: url(\n    'a.png'\n  );\n}\n";
		assertThat(linesAndUrls(css)).containsExactly("3:a.png");
	}

	@Test
	void findsEveryUrlOnOneMinifiedLine() {
		String css = "@font-face{src:url(f.eot);src:url(f.eot?#iefix) format(\"embedded-opentype\"),url(f.woff2) format(\"woff2\")}.x{background:url(x.png)}";
		assertThat(linesAndUrls(css)).containsExactly("1:f.eot", "1:f.eot?#iefix", "1:f.woff2", "1:x.png");
	}

}
