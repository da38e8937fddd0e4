package io.github.assetbust.core.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SourceMapReferencesTests {

	/** {@code line:url} for every reference found. */
	private static List<String> linesAndUrls(String js) {
		return SourceMapReferences.INSTANCE.find(js)
			.stream()
			.map((reference) -> reference.line() + ":" + reference.url())
			.toList();
	}

	/** Content as the builder hands it over: UTF-8 bytes, one char a byte. */
	private static String asBuilderReadsIt(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	static Stream<Arguments> scripts() {
		return Stream.of(
				arguments("source map comment at the end", "console.log(1);\n//# sourceMappingURL=app.js.map\n",
						List.of("2:app.js.map")),
				arguments("without a final newline", "console.log(1);\n//# sourceMappingURL=app.js.map",
						List.of("2:app.js.map")),
				arguments("legacy //@ form", "console.log(1);\n//@ sourceMappingURL=app.js.map\n",
						List.of("2:app.js.map")),
				arguments("indented, with trailing spaces", "f();\n\t  //# sourceMappingURL=app.js.map  \n",
						List.of("2:app.js.map")),
				arguments("space after the marker", "f();\n//#  sourceMappingURL=app.js.map\n", List.of("2:app.js.map")),
				arguments("CRLF line endings", "f();\r\ng();\r\n//# sourceMappingURL=app.js.map\r\n",
						List.of("3:app.js.map")),
				arguments("a relative folder and a query", "f();\n//# sourceMappingURL=../maps/app.js.map?v=2\n",
						List.of("2:../maps/app.js.map?v=2")),
				arguments("an inline data URI", "f();\n//# sourceMappingURL=data:application/json;base64,eyJ9\n",
						List.of("2:data:application/json;base64,eyJ9")),
				arguments("inside a string after code on the same line",
						"var s = \"//# sourceMappingURL=evil.js.map\";\n", List.of()),
				arguments("inside a template literal after code on the same line",
						"const s = `//# sourceMappingURL=evil.js.map`;\n", List.of()),
				arguments("a string that is the whole line", "\"//# sourceMappingURL=evil.js.map\"\n", List.of()),
				arguments("followed by code on the same line", "//# sourceMappingURL=app.js.map; f();\n", List.of()),
				arguments("a block comment is not the line form", "f();\n/*# sourceMappingURL=app.js.map */\n",
						List.of()),
				arguments("an ordinary comment mentioning it", "// sourceMappingURL=app.js.map\n", List.of()),
				arguments("a UTF-8 character whose second byte is 0x85 (NEL) is no line break",
						asBuilderReadsIt("// ą//# sourceMappingURL=evil.js.map\n"), List.of()),
				arguments("empty url", "f();\n//# sourceMappingURL=\n", List.of()),
				arguments("only the last of a bundle's comments is its own",
						"f();\n//# sourceMappingURL=a.js.map\ng();\n//# sourceMappingURL=b.js.map\n",
						List.of("4:b.js.map")),
				arguments("a comment with code after it is no longer the file's",
						"f();\n//# sourceMappingURL=app.js.map\ng();\n", List.of()),
				arguments("followed by blank lines and other comments",
						"f();\n//# sourceMappingURL=app.js.map\n\n// built by a tool\n/* licence\n   text */\n\t\n/**/\n",
						List.of("2:app.js.map")),
				arguments("a block comment closing on a line of its own after it",
						"f();\n//# sourceMappingURL=app.js.map\n/*\n licence\n*/\n", List.of("2:app.js.map")),
				arguments("followed by a block comment on the same line",
						"f();\n//# sourceMappingURL=app.js.map /* x */\n", List.of()),
				arguments("a block comment after code on the last line",
						"f();\n//# sourceMappingURL=app.js.map\ng(); /* x */\n", List.of()),
				arguments("empty script", "", List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void findsOnlyWholeLineSourceMapComments(String description, String js, List<String> expected) {
		assertThat(linesAndUrls(js)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void givesOffsetsThatCutExactlyTheUrlOutOfTheContent(String description, String js, List<String> expected) {
		for (Reference reference : SourceMapReferences.INSTANCE.find(js)) {
			assertThat(js.substring(reference.start(), reference.end())).isEqualTo(reference.url());
		}
	}

}
