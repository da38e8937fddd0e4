package io.github.assetbust.thymeleaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.autoconfigure.AssetbustDynamicAutoConfiguration;
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

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code <script assets:importmap>} rendered by the real Thymeleaf engine over a real build. */
class ImportMapTests {

	@TempDir
	Path root;

	private BuildResult built;

	private ApplicationContextRunner runner;

	@BeforeEach
	void buildSite() throws IOException {
		write("js/app.js", "import { greet } from './modules/greeting.js'; greet();");
		write("js/modules/greeting.js", "export function greet() {}");
		write("js/modules/esm.mjs", "export const x = 1;");
		write("js/modules/a</script>.js", "export {};");
		write("css/main.css", "body {}");
		this.built = new AssetBuilder(BuildOptions.forRoot(this.root)).build();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class,
					AssetbustThymeleafAutoConfiguration.class, BootAutoConfigurations.thymeleaf()))
			.withPropertyValues("assetbust.build.root=file:" + this.root);
	}

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private String hashed(String original) {
		return "/" + this.built.manifest().assets().get(AssetPath.of(original)).path();
	}

	private static String script(ApplicationContext context, String id) {
		String html = context.getBean(SpringTemplateEngine.class).process("importmap", new Context());
		Matcher matcher = Pattern.compile("<script id=\"" + id + "\"([^>]*)>(.*?)</script>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("script #%s in %s", id, html).isTrue();
		assertThat(matcher.group(1)).isEqualTo(" type=\"importmap\"");
		return matcher.group(2);
	}

	private static JsonNode json(String text) throws IOException {
		return JsonMapper.builder().build().readTree(text);
	}

	@Test
	void mapsEveryModulesOriginalUrlToItsHashedUrl() {
		this.runner.run((context) -> {
			JsonNode imports = json(script(context, "all")).get("imports");
			assertThat(imports.get("/js/app.js").asText()).isEqualTo(hashed("js/app.js"));
			assertThat(imports.get("/js/modules/greeting.js").asText()).isEqualTo(hashed("js/modules/greeting.js"))
				.matches("/js/modules/greeting-[0-9a-f]{32}\\.js");
			assertThat(imports.get("/js/modules/esm.mjs").asText()).isEqualTo(hashed("js/modules/esm.mjs"));
			assertThat(imports.has("/css/main.css")).isFalse();
			assertThat(imports.size()).isEqualTo(4);
			assertThat(json(script(context, "all")).has("integrity")).isFalse();
		});
	}

	@Test
	void aGlobSelectsTheModules() {
		this.runner.run((context) -> {
			JsonNode imports = json(script(context, "selected")).get("imports");
			assertThat(imports.has("/js/app.js")).isFalse();
			assertThat(imports.has("/js/modules/greeting.js")).isTrue();
		});
	}

	@Test
	void aNameCannotEndTheScriptElement() {
		this.runner.run((context) -> {
			String text = script(context, "all");
			assertThat(text).doesNotContain("</script").doesNotContain("<");
			assertThat(json(text).get("imports").get("/js/modules/a%3C/script%3E.js").asText())
				.isEqualTo(hashed("js/modules/a</script>.js").replace("<", "%3C").replace(">", "%3E"));
		});
	}

	@Test
	void addsIntegrityValuesWhenIntegrityIsOn() {
		this.runner.withPropertyValues("assetbust.integrity=true").run((context) -> {
			JsonNode integrity = json(script(context, "all")).get("integrity");
			assertThat(integrity.get(hashed("js/modules/greeting.js")).asText()).isEqualTo(
					this.built.manifest().assets().get(AssetPath.of("js/modules/greeting.js")).integrity());
		});
	}

	@Test
	void keysAndValuesCarryTheUrlPrefix() {
		this.runner.withPropertyValues("assetbust.url-prefix=https://cdn.example.com").run((context) -> {
			JsonNode imports = json(script(context, "all")).get("imports");
			assertThat(imports.get("https://cdn.example.com/js/app.js").asText())
				.isEqualTo("https://cdn.example.com" + hashed("js/app.js"));
		});
	}

	@Test
	void isEmptyInDynamicModeWhereModulesImportTheLiveFiles() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AssetbustAutoConfiguration.class,
					AssetbustDynamicAutoConfiguration.class, AssetbustThymeleafAutoConfiguration.class,
					BootAutoConfigurations.thymeleaf()))
			.withPropertyValues("assetbust.build.root=file:" + this.root, "assetbust.mode=dynamic")
			.run((context) -> assertThat(json(script(context, "all")).get("imports").isEmpty()).isTrue());
	}

}
