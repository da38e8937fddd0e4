package io.github.assetbust.core.path;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashedNameTests {

	private static final String MD5 = "5d41402abc4b2a76b9719d911017c592";

	private final HashedName md5Names = new HashedName(32);

	@Test
	void putsTheDigestBeforeTheExtensionAndKeepsTheFolder() {
		assertThat(HashedName.of(AssetPath.of("css/main.css"), MD5)).hasToString("css/main-" + MD5 + ".css");
	}

	@Test
	void putsTheDigestBeforeTheLastExtensionOnly() {
		assertThat(HashedName.of(AssetPath.of("js/app.min.js"), MD5)).hasToString("js/app.min-" + MD5 + ".js");
	}

	@Test
	void appendsTheDigestToANameWithoutExtension() {
		assertThat(HashedName.of(AssetPath.of("LICENSE"), MD5)).hasToString("LICENSE-" + MD5);
	}

	@Test
	void appendsTheDigestToADotfileName() {
		assertThat(HashedName.of(AssetPath.of("fonts/.htaccess"), MD5)).hasToString("fonts/.htaccess-" + MD5);
	}

	@Test
	void keepsSpacesAndUnicodeInTheStem() {
		assertThat(HashedName.of(AssetPath.of("img/ünïcødé 图.png"), MD5)).hasToString("img/ünïcødé 图-" + MD5 + ".png");
	}

	@Test
	void parsesAHashedNameBackToItsOriginalAndDigest() {
		assertThat(this.md5Names.parse(AssetPath.of("css/main-" + MD5 + ".css")))
			.contains(new HashedName.Parsed(AssetPath.of("css/main.css"), MD5));
	}

	@Test
	void parsesAHashedNameWithInnerDots() {
		assertThat(this.md5Names.parse(AssetPath.of("js/app.min-" + MD5 + ".js")))
			.contains(new HashedName.Parsed(AssetPath.of("js/app.min.js"), MD5));
	}

	@Test
	void parsesAHashedNameWithoutExtension() {
		assertThat(this.md5Names.parse(AssetPath.of("LICENSE-" + MD5)))
			.contains(new HashedName.Parsed(AssetPath.of("LICENSE"), MD5));
	}

	@Test
	void parsesWhatItNames() {
		AssetPath original = AssetPath.of("fonts/Inter var.woff2");
		assertThat(this.md5Names.parse(HashedName.of(original, MD5))).contains(new HashedName.Parsed(original, MD5));
	}

	@Test
	void parsesAShorterDigestWhenConfiguredForIt() {
		assertThat(new HashedName(8).parse(AssetPath.of("css/main-5d41402a.css")))
			.contains(new HashedName.Parsed(AssetPath.of("css/main.css"), "5d41402a"));
	}

	@Test
	void doesNotParseADigestOfAnotherLength() {
		assertThat(this.md5Names.parse(AssetPath.of("css/main-5d41402a.css"))).isEmpty();
		assertThat(new HashedName(8).parse(AssetPath.of("css/main-" + MD5 + ".css"))).isEmpty();
	}

	@Test
	void doesNotParseUpperCaseOrNonHexDigests() {
		assertThat(this.md5Names.parse(AssetPath.of("css/main-" + MD5.toUpperCase() + ".css"))).isEmpty();
		assertThat(this.md5Names.parse(AssetPath.of("css/main-" + MD5.replace('a', 'g') + ".css"))).isEmpty();
	}

	@Test
	void doesNotParseAnOrdinaryName() {
		assertThat(this.md5Names.parse(AssetPath.of("css/main.css"))).isEmpty();
		assertThat(this.md5Names.parse(AssetPath.of("css/jquery-ui.css"))).isEmpty();
	}

	@Test
	void doesNotTakeANameForACopyOfDotDot() {
		assertThat(this.md5Names.parse(AssetPath.of("css/..-" + MD5))).isEmpty();
		assertThat(this.md5Names.parse(AssetPath.of("css/.-" + MD5 + "."))).isEmpty();
	}

	@Test
	void doesNotParseABareDigestWithoutStem() {
		assertThat(this.md5Names.parse(AssetPath.of("css/-" + MD5 + ".css"))).isEmpty();
	}

	/**
	 * The rule as a regular expression, which the parser replaced because a cold JVM spent a tenth
	 * of a no-change build backtracking through it: both must take every name apart alike.
	 */
	@Test
	void takesNamesApartAsTheRegularExpressionOfTheRuleDoes() {
		Random random = new Random(7);
		String alphabet = "ab-.0f9g é";
		for (int digestLength : new int[] { 8, 10 }) {
			HashedName names = new HashedName(digestLength);
			Pattern rule = Pattern.compile("(.+)-([0-9a-f]{" + digestLength + "})(\\.[^.]+)?");
			Pattern anyRule = Pattern.compile("(.+)-([0-9a-f]{8,64})(\\.[^.]+)?");
			for (int i = 0; i < 200_000; i++) {
				StringBuilder name = new StringBuilder();
				int length = 1 + random.nextInt(18);
				for (int j = 0; j < length; j++) {
					name.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				if (random.nextBoolean()) {
					name.insert(random.nextInt(name.length() + 1), "-" + MD5.substring(0, digestLength));
				}
				if (name.toString().replace(".", "").isEmpty()) {
					continue;
				}
				AssetPath path = AssetPath.of("x/" + name);
				assertThat(names.parse(path)).as(name.toString()).isEqualTo(regexParse(rule, path));
				assertThat(HashedName.parseAny(path)).as(name.toString()).isEqualTo(regexParse(anyRule, path));
			}
		}
	}

	private static Optional<HashedName.Parsed> regexParse(Pattern rule, AssetPath path) {
		Matcher matcher = rule.matcher(path.fileName());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String original = matcher.group(1) + ((matcher.group(3) != null) ? matcher.group(3) : "");
		if (original.equals(".") || original.equals("..")) {
			return Optional.empty();
		}
		return Optional.of(new HashedName.Parsed(path.withFileName(original), matcher.group(2)));
	}

}
