package io.github.assetbust.thymeleaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders a real template with Spring Boot's real Thymeleaf engine. */
class AssetbustDialectTests {

	@TempDir
	Path root;

	private BuildResult built;

	private ApplicationContextRunner runner;

	@BeforeEach
	void buildSite() throws IOException {
		Files.createDirectories(this.root.resolve("css"));
		Files.createDirectories(this.root.resolve("js"));
		Files.writeString(this.root.resolve("css/main.css"), "body { color: teal; }", StandardCharsets.UTF_8);
		Files.writeString(this.root.resolve("js/app.js"), "console.log('hi');", StandardCharsets.UTF_8);
		this.built = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class,
					AssetbustThymeleafAutoConfiguration.class, BootAutoConfigurations.thymeleaf()))
			.withPropertyValues("assetbust.build.root=file:" + this.root);
	}

	private String hashed(String original) {
		return "/" + this.built.manifest().assets().get(AssetPath.of(original)).path();
	}

	private String integrity(String original) {
		return this.built.manifest().assets().get(AssetPath.of(original)).integrity();
	}

	private static String render(ApplicationContext context) {
		return render(context, "assets");
	}

	private static String render(ApplicationContext context, String template) {
		SpringTemplateEngine engine = context.getBean(SpringTemplateEngine.class);
		Context model = new Context();
		model.setVariable("stylesheet", "css/main.css");
		model.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return engine.process(template, model);
	}

	private static String tag(String html, String id) {
		Matcher matcher = Pattern.compile("<[a-z]+ id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(matcher.find()).as("element #%s in %s", id, html).isTrue();
		return matcher.group();
	}

	@Test
	void theAssetsBeanResolvesInsideThHref() {
		this.runner.run((context) -> assertThat(render(context, "bean-in-href"))
			.contains("href=\"" + hashed("css/main.css") + "\""));
	}

	@Test
	void theAssetsBeanResolvesABareName() {
		this.runner.run((context) -> assertThat(tag(render(context), "bean"))
			.contains("href=\"" + hashed("css/main.css") + "\""));
	}

	@Test
	void theExpressionObjectResolvesAFolderQualifiedPath() {
		this.runner.run((context) -> assertThat(tag(render(context), "object"))
			.contains("href=\"" + hashed("css/main.css") + "\""));
	}

	@Test
	void theHrefAttributeWritesTheHashedUrlAndRemovesItself() {
		this.runner.run((context) -> {
			String link = tag(render(context), "attribute");
			assertThat(link).contains("href=\"" + hashed("css/main.css") + "\"").doesNotContain("assets:");
			assertThat(link).doesNotContain("integrity");
		});
	}

	@Test
	void theAttributeAcceptsAnExpression() {
		this.runner.run((context) -> assertThat(tag(render(context), "expression"))
			.contains("href=\"" + hashed("css/main.css") + "\""));
	}

	@Test
	void escapesTheUrlItWritesAsThymeleafDoes() {
		this.runner.run((context) -> {
			SpringTemplateEngine engine = context.getBean(SpringTemplateEngine.class);
			Context model = new Context();
			model.setVariable("css", "css/x.css?a=\"><script>alert(1)</script>");
			String html = engine.process("escape", model);
			assertThat(html).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
		});
	}

	@Test
	void theSrcAttributeWritesTheHashedUrl() {
		this.runner.run((context) -> assertThat(tag(render(context), "script"))
			.contains("src=\"" + hashed("js/app.js") + "\""));
	}

	@Test
	void writesIntegrityAndCrossoriginWhenEnabled() {
		this.runner.withPropertyValues("assetbust.integrity=true").run((context) -> {
			String html = render(context);
			assertThat(tag(html, "attribute")).contains("integrity=\"" + integrity("css/main.css") + "\"")
				.contains("crossorigin=\"anonymous\"");
			assertThat(tag(html, "script")).contains("integrity=\"" + integrity("js/app.js") + "\"");
		});
	}

	@Test
	void keepsACrossoriginTheTemplateSetItself() {
		this.runner.withPropertyValues("assetbust.integrity=true")
			.run((context) -> assertThat(tag(render(context), "own-crossorigin"))
				.contains("crossorigin=\"use-credentials\"")
				.doesNotContain("anonymous"));
	}

	@Test
	void anUnknownAssetKeepsItsOriginalUrlWithoutIntegrity() {
		this.runner.withPropertyValues("assetbust.integrity=true")
			.run((context) -> assertThat(tag(render(context), "missing")).contains("src=\"/js/missing.js\"")
				.doesNotContain("integrity"));
	}

	@Test
	void theExpressionObjectExposesIntegrity() {
		this.runner.run((context) -> assertThat(tag(render(context), "sri"))
			.contains("content=\"" + integrity("css/main.css") + "\""));
	}

	@Test
	void integrityIsTheSha384OfTheServedBytes() throws Exception {
		byte[] served = Files.readAllBytes(this.root.resolve(hashed("css/main.css").substring(1)));
		String expected = "sha384-"
				+ Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(served));
		assertThat(integrity("css/main.css")).isEqualTo(expected);
	}

}
