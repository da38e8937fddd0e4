package io.github.assetbust.thymeleaf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AssetsBeanReferenceTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			@assets.url('main.css')                       | #assets.url('main.css')
			@assets .url('main.css')                      | #assets .url('main.css')
			'a' + @assets.url('x.css') + 'b'              | 'a' + #assets.url('x.css') + 'b'
			@assets.url(@assets.url('x.css'))             | #assets.url(#assets.url('x.css'))
			@assets.url('it''s @assets.css')              | #assets.url('it''s @assets.css')
			@assets                                       | #assets
			(@assets).url('x.css')                        | (#assets).url('x.css')
			@assets.url(@environment.getProperty('x'))    | #assets.url(@environment.getProperty('x'))
			@assets.url(param.css)                        | #assets.url(param.css)
			""")
	void writesTheBeanReferenceAsTheExpressionObject(String expression, String rewritten) {
		assertThat(AssetsBeanReference.toExpressionObject(expression)).isEqualTo(rewritten);
	}

	@Test
	void leavesDoubleQuotedStringsAsWritten() {
		assertThat(AssetsBeanReference.toExpressionObject("@assets.url(\"say \"\"@assets\"\"\")"))
			.isEqualTo("#assets.url(\"say \"\"@assets\"\"\")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "#assets.url('main.css')", "@assetsFactory.url('x')", "@myassets.url('x')",
			"mail@assets.example", "'@assets.url(1)'", "\"@assets\"", "@Assets.url('x')", "@environment",
			"x_@assets", "$@assets", "@assets_x", "@assets$x", "@assets2" })
	void leavesEverythingElseAsWritten(String expression) {
		assertThat(AssetsBeanReference.toExpressionObject(expression)).isSameAs(expression);
	}

}
