package io.github.assetbust.core.path;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import io.github.assetbust.core.AssetbustException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobTests {

	private static boolean matches(String glob, String path) {
		return Glob.of(glob).matches(AssetPath.of(path));
	}

	@Test
	void doubleStarSlashStarMatchesAFileAtTheRoot() {
		assertThat(matches("**/*", "favicon.ico")).isTrue();
	}

	@Test
	void doubleStarSlashStarMatchesNestedFiles() {
		assertThat(matches("**/*", "css/main.css")).isTrue();
		assertThat(matches("**/*", "img/icons/social/x.svg")).isTrue();
	}

	@Test
	void singleStarStaysInsideOneFolder() {
		assertThat(matches("*.css", "main.css")).isTrue();
		assertThat(matches("*.css", "css/main.css")).isFalse();
	}

	@Test
	void doubleStarScssMatchesAtAnyDepth() {
		assertThat(matches("**/*.scss", "main.scss")).isTrue();
		assertThat(matches("**/*.scss", "css/main.scss")).isTrue();
		assertThat(matches("**/*.scss", "css/partials/_grid.scss")).isTrue();
	}

	@Test
	void doubleStarScssDoesNotMatchOtherExtensions() {
		assertThat(matches("**/*.scss", "css/main.css")).isFalse();
		assertThat(matches("**/*.scss", "css/main.scss.map")).isFalse();
	}

	@Test
	void dotStarMatchesOnlyDotfilesAtTheRoot() {
		assertThat(matches(".*", ".htaccess")).isTrue();
		assertThat(matches(".*", ".git")).isTrue();
		assertThat(matches(".*", "css/.hidden")).isFalse();
		assertThat(matches(".*", "main.css")).isFalse();
	}

	@Test
	void doubleStarDotStarMatchesDotfilesAtAnyDepth() {
		assertThat(matches("**/.*", ".DS_Store")).isTrue();
		assertThat(matches("**/.*", "css/.DS_Store")).isTrue();
		assertThat(matches("**/.*", "css/vendor/.main.css.1f.assetbust.tmp")).isTrue();
	}

	@Test
	void doubleStarDotStarDoesNotMatchFilesWithADotInside() {
		assertThat(matches("**/.*", "css/main.css")).isFalse();
		assertThat(matches("**/.*", "app.min.js")).isFalse();
	}

	@Test
	void doubleStarInTheMiddleMatchesZeroOrMoreFolders() {
		assertThat(matches("css/**/*.css", "css/main.css")).isTrue();
		assertThat(matches("css/**/*.css", "css/a/b/main.css")).isTrue();
		assertThat(matches("css/**/*.css", "js/main.css")).isFalse();
	}

	@Test
	void trailingDoubleStarMatchesEverythingBelowAFolder() {
		assertThat(matches("vendor/**", "vendor/a.js")).isTrue();
		assertThat(matches("vendor/**", "vendor/x/y/z.js")).isTrue();
		assertThat(matches("vendor/**", "app/vendor/a.js")).isFalse();
	}

	@Test
	void bracesMatchEitherAlternative() {
		assertThat(matches("**/*.{css,js}", "css/main.css")).isTrue();
		assertThat(matches("**/*.{css,js}", "js/app.js")).isTrue();
		assertThat(matches("**/*.{css,js}", "img/logo.png")).isFalse();
	}

	@Test
	void bracesCanChooseFolders() {
		assertThat(matches("{css,js}/*", "css/main.css")).isTrue();
		assertThat(matches("{css,js}/*", "js/app.js")).isTrue();
		assertThat(matches("{css,js}/*", "img/logo.png")).isFalse();
	}

	@Test
	void questionMarkMatchesExactlyOneCharacter() {
		assertThat(matches("img/icon-?.png", "img/icon-a.png")).isTrue();
		assertThat(matches("img/icon-?.png", "img/icon-ab.png")).isFalse();
		assertThat(matches("img/icon-?.png", "img/icon-.png")).isFalse();
	}

	@Test
	void questionMarkDoesNotMatchASlash() {
		assertThat(matches("css?main.css", "css/main.css")).isFalse();
		assertThat(matches("css?main.css", "css-main.css")).isTrue();
	}

	@Test
	void treatsRegexCharactersLiterally() {
		assertThat(matches("img/logo(1)+[a].png", "img/logo(1)+[a].png")).isTrue();
		assertThat(matches("img/logo(1)+[a].png", "img/logo11a.png")).isFalse();
		assertThat(matches("*.css", "mainXcss")).isFalse();
	}

	@Test
	void treatsACommaOutsideBracesLiterally() {
		assertThat(matches("a,b.css", "a,b.css")).isTrue();
		assertThat(matches("a,b.css", "a.css")).isFalse();
	}

	@Test
	void isDescribedByItsSource() {
		assertThat(Glob.of("**/*.{css,js}")).hasToString("**/*.{css,js}");
	}


	@Test
	void anUnclosedAlternativeIsAClearError() {
		assertThatThrownBy(() -> Glob.of("{a,b")).isInstanceOf(AssetbustException.class)
			.hasMessageStartingWith("Invalid glob '{a,b'");
	}
	/** The string tests for common shapes must say what the glob's regular expression says. */
	@Test
	void matchesCommonShapesExactlyAsItsRegularExpressionDoes() {
		List<String> globs = List.of("**", "**/*", "**/*.scss", "**/*.min.js", "**/.*", "**/_*", ".*", "*", "*.css",
				"css/*", "**/*[1]", "**/a+*");
		Random random = new Random(11);
		String[] segments = { "a", ".b", "_c", "main.css", "x.scss", "y.min.js", "css", "[1]", "a+b", ".", "é.css" };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder path = new StringBuilder();
			int depth = 1 + random.nextInt(4);
			for (int d = 0; d < depth; d++) {
				String segment = segments[random.nextInt(segments.length)] + ((random.nextInt(3) == 0) ? "z" : "");
				path.append((d > 0) ? "/" : "").append(segment.equals(".") ? "dot" : segment);
			}
			AssetPath asset = AssetPath.of(path.toString());
			for (String glob : globs) {
				boolean expected = Pattern.compile(Glob.toRegex(glob)).matcher(asset.toString()).matches();
				assertThat(Glob.of(glob).matches(asset)).as(glob + " on " + asset).isEqualTo(expected);
			}
		}
	}

}
