package io.github.assetbust.thymeleaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.autoconfigure.AssetbustThymeleafAutoConfiguration;
import io.github.assetbust.autoconfigure.BootAutoConfigurations;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.Thymeleaf;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code ${@assets.url(...)}} in every position where Thymeleaf restricts expressions, rendered by
 * Spring Boot's real template engine; and every other restricted expression refused exactly as it
 * is without assetbust.
 */
class AssetsBeanInRestrictedPositionsTests {

	@TempDir
	Path root;

	private BuildResult built;

	private ApplicationContextRunner withAssetbust;

	private ApplicationContextRunner withoutAssetbust;

	@BeforeEach
	void buildSite() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.createDirectories(this.root.resolve("js"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: teal; }", StandardCharsets.UTF_8);
		Files.writeString(this.root.resolve("js/app.js"), "console.log('hi');", StandardCharsets.UTF_8);
		this.built = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		// templates are the strings the tests pass as template names
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withBean("defaultTemplateResolver", ITemplateResolver.class, StringTemplateResolver::new)
			.withPropertyValues("assetbust.build.root=file:" + this.root);
		this.withAssetbust = runner.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class,
				AssetbustThymeleafAutoConfiguration.class, BootAutoConfigurations.thymeleaf()));
		// the same 'assets' bean, and Thymeleaf as it comes
		this.withoutAssetbust = runner.withConfiguration(
				AutoConfigurations.of(AssetbustAutoConfiguration.class, BootAutoConfigurations.thymeleaf()));
	}

	private String hashed(String original) {
		return "/" + this.built.manifest().assets().get(AssetPath.of(original)).path();
	}

	private static String render(ApplicationContext context, String template) {
		Context model = new Context();
		model.setVariable("page", "home");
		model.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return context.getBean(SpringTemplateEngine.class).process(template, model);
	}

	private String render(String template) {
		StringBuilder html = new StringBuilder();
		this.withAssetbust.run((context) -> html.append(render(context, template)));
		return html.toString();
	}

	@Test
	void thHref() {
		assertThat(render("<link th:href=\"${@assets.url('main.css')}\">"))
			.isEqualTo("<link href=\"" + hashed("css/main.css") + "\">");
	}

	@Test
	void thSrc() {
		assertThat(render("<script th:src=\"${@assets.url('js/app.js')}\"></script>"))
			.isEqualTo("<script src=\"" + hashed("js/app.js") + "\"></script>");
	}

	@Test
	void dataThHref() {
		assertThat(render("<link data-th-href=\"${@assets.url('main.css')}\">"))
			.isEqualTo("<link href=\"" + hashed("css/main.css") + "\">");
	}

	@Test
	void theAssetsAttributesNeedNoNamespaceDeclarationAndHaveADataForm() {
		assertThat(render("<html><head><link assets:href=\"main.css\"><link data-assets-href=\"main.css\"></head></html>"))
			.isEqualTo("<html><head><link href=\"" + hashed("css/main.css") + "\"><link href=\"" + hashed("css/main.css")
					+ "\"></head></html>");
	}

	@Test
	void thAttr() {
		assertThat(render("<link th:attr=\"href=${@assets.url('main.css')}\">"))
			.isEqualTo("<link href=\"" + hashed("css/main.css") + "\">");
	}

	@Test
	void thAttrappend() {
		assertThat(render("<img src=\"x.png\" th:attrappend=\"srcset=${@assets.url('main.css')}\">"))
			.isEqualTo("<img src=\"x.png\" srcset=\"" + hashed("css/main.css") + "\">");
	}

	@Test
	void anExpressionThatAlsoUsesModelVariables() {
		assertThat(render("<a th:href=\"${@assets.url('main.css') + '?p=' + page}\">x</a>"))
			.isEqualTo("<a href=\"" + hashed("css/main.css") + "?p=home\">x</a>");
	}

	@Test
	void unescapedText() {
		assertThat(render("<p th:utext=\"${@assets.url('main.css')}\"></p>"))
			.isEqualTo("<p>" + hashed("css/main.css") + "</p>");
	}

	@Test
	void unescapedInlineText() {
		assertThat(render("<p>[(${@assets.url('main.css')})]</p>")).isEqualTo("<p>" + hashed("css/main.css") + "</p>");
	}

	@Test
	void escapedInlineText() {
		assertThat(render("<p>[[${@assets.url('main.css')}]]</p>")).isEqualTo("<p>" + hashed("css/main.css") + "</p>");
	}

	@Test
	void inlinedJavaScript() {
		assertThat(render("<script th:inline=\"javascript\">const u = [[${@assets.url('js/app.js')}]];</script>"))
			.isEqualTo("<script>const u = \"" + hashed("js/app.js").replace("/", "\\/") + "\";</script>");
	}

	@Test
	void aFragmentParameter() {
		assertThat(render("<div th:fragment=\"link(url)\"><a th:href=\"${url}\">x</a></div>"
				+ "<p th:replace=\"~{::link(${@assets.url('main.css')})}\"></p>"))
			.endsWith("<div><a href=\"" + hashed("css/main.css") + "\">x</a></div>");
	}

	@Test
	void aTemplateEngineOfTheApplicationsOwnThatAddsTheAssetsDialect() {
		this.withAssetbust.withUserConfiguration(OwnTemplateEngine.class)
			.run((context) -> assertThat(render(context, "<link th:href=\"${@assets.url('main.css')}\">"))
				.isEqualTo("<link href=\"" + hashed("css/main.css") + "\">"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateEngine {

		@Bean
		SpringTemplateEngine templateEngine(AssetbustDialect assetbustDialect) {
			SpringTemplateEngine engine = new SpringTemplateEngine();
			engine.setTemplateResolver(new StringTemplateResolver());
			engine.addDialect(assetbustDialect);
			return engine;
		}

	}

	@Test
	void theEngineKeepsItsOtherDialectsAndSettings() {
		this.withAssetbust.withPropertyValues("spring.thymeleaf.enable-spring-el-compiler=true").run((context) -> {
			SpringTemplateEngine engine = context.getBean(SpringTemplateEngine.class);
			assertThat(engine.getEnableSpringELCompiler()).isTrue();
			assertThat(engine.getDialects()).hasAtLeastOneElementOfType(AssetsAwareStandardDialect.class)
				.hasAtLeastOneElementOfType(AssetbustDialect.class);
			assertThat(render(context, "<p th:text=\"${#strings.toUpperCase(page)}\"></p>")).isEqualTo("<p>HOME</p>");
		});
	}

	/** What Thymeleaf says when it refuses an expression for its text, before evaluating it. */
	private static final String EXTERNAL_ACCESS_FORBIDDEN = "Instantiation of new objects and access to static classes or parameters is forbidden in this context";

	/** What Thymeleaf says when an expression in an event handler gives something else than a number or boolean. */
	private static final String ONLY_NUMBERS_OR_BOOLEANS = "Only variable expressions returning numbers or booleans are allowed in this context";

	static Stream<Arguments> refusedExpressions() {
		return Stream.of(
				arguments("<a th:href=\"${T(java.lang.System).getProperty('user.home')}\">x</a>",
						EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:href=\"${new java.io.File('/').getAbsolutePath()}\">x</a>", EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:href=\"${param.page}\">x</a>", EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:href=\"${@assets.url(param.page)}\">x</a>", EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:href=\"${@assets.url(T(java.lang.System).getProperty('user.home'))}\">x</a>",
						EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:href=\"${@assets.url(new java.lang.String('main.css'))}\">x</a>",
						EXTERNAL_ACCESS_FORBIDDEN),
				arguments("<a th:onclick=\"${@assets.url('main.css')}\">x</a>", ONLY_NUMBERS_OR_BOOLEANS));
	}

	/**
	 * Refused by every Thymeleaf 3.1 release in th:href, with or without assetbust, and for the
	 * restriction itself (not, say, for a request parameter missing from a non-web context): static
	 * classes, instantiation, request parameters, also as an argument to the assets bean, are refused
	 * for the expression's text before it is evaluated. Event handlers accept only numbers and
	 * booleans, the assets bean's URL included.
	 */
	@ParameterizedTest
	@MethodSource("refusedExpressions")
	void stillRefused(String template, String reason) {
		this.withAssetbust.run((context) -> assertThatExceptionOfType(TemplateProcessingException.class)
			.isThrownBy(() -> render(context, template))
			.satisfies((ex) -> assertThat(messages(ex)).as("the messages of the exception and its causes")
				.anySatisfy((message) -> assertThat(message).contains(reason))));
	}

	/**
	 * Another bean in th:href: Thymeleaf 3.1.4 started refusing beans in restricted positions (Spring
	 * Boot 4.0 brings 3.1.5), 3.1.3 (Spring Boot 3.5) still renders them. The Thymeleaf on the class
	 * path decides which outcome is asserted, both with assetbust present: assetbust lifts the newer
	 * refusal for the assets bean only, and adds none to the older release. The build runs this test
	 * on both lines (the {@code boot3} profile).
	 */
	@Test
	void anotherBeanInThHrefIsRefusedFromThymeleaf314OnAndRenderedBefore() {
		String template = "<a th:href=\"${@environment.getProperty('user.home')}\">x</a>";
		this.withAssetbust.run((context) -> {
			if (refusesBeansInRestrictedPositions()) {
				assertThatExceptionOfType(TemplateProcessingException.class)
					.isThrownBy(() -> render(context, template))
					.satisfies((ex) -> assertThat(messages(ex)).as("the messages of the exception and its causes")
						.anySatisfy((message) -> assertThat(message).contains(EXTERNAL_ACCESS_FORBIDDEN)));
			}
			else {
				assertThat(render(context, template))
					.isEqualTo("<a href=\"" + context.getEnvironment().getProperty("user.home") + "\">x</a>");
			}
		});
	}

	/** Whether the Thymeleaf on the class path is 3.1.4 or later, read from its own version. */
	private static boolean refusesBeansInRestrictedPositions() {
		int[] running = { Thymeleaf.getVersionMajor(), Thymeleaf.getVersionMinor(), Thymeleaf.getVersionPatch() };
		assertThat(running[0]).as("Thymeleaf's version: %s", Thymeleaf.getVersion()).isEqualTo(3);
		return Arrays.compare(running, new int[] { 3, 1, 4 }) >= 0;
	}

	private static List<String> messages(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
		}
		return messages;
	}

	/**
	 * Whatever a restricted position allowed or refused before, it still does, with the one
	 * exception of the assets bean: other beans (refused from Thymeleaf 3.1.4 on), restricted
	 * expression objects, and every hostile expression above.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "<a th:href=\"${@environment.getProperty('user.home')}\">x</a>",
			"<a th:href=\"${@assets.url(@environment.getProperty('user.home'))}\">x</a>",
			"<a th:href=\"${@assetbustProperties.getManifest()}\">x</a>",
			"<p th:utext=\"${@environment.getProperty('user.home')}\"></p>",
			"<p>[(${@environment.getProperty('user.home')})]</p>",
			"<a th:href=\"${#execInfo.templateName}\">x</a>",
			"<a th:href=\"${#ctx.getVariable('page')}\">x</a>",
			"<a th:href=\"${T(java.lang.System).getProperty('user.home')}\">x</a>",
			"<a th:href=\"${new java.io.File('/').getAbsolutePath()}\">x</a>",
			"<a th:href=\"${param.page}\">x</a>" })
	void everyOtherExpressionIsAsRestrictedAsWithoutAssetbust(String template) {
		String without = outcome(this.withoutAssetbust, template);
		assertThat(outcome(this.withAssetbust, template)).isEqualTo(without);
	}

	private static String outcome(ApplicationContextRunner runner, String template) {
		StringBuilder outcome = new StringBuilder();
		runner.run((context) -> {
			try {
				outcome.append("rendered: ").append(render(context, template));
			}
			catch (TemplateProcessingException ex) {
				outcome.append("refused: ").append(ex.getMessage().replaceAll(" \\(template: .*", ""));
			}
		});
		return outcome.toString();
	}

}
