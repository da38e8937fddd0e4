package io.github.assetbust.benchmarks;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.resolve.AssetIndex;
import org.junit.jupiter.api.Test;

import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark method once, outside JMH, so that the normal build proves each of them
 * works and measures what it claims. Timing is JMH's business: nothing here asserts speed.
 */
class BenchmarksSmokeTests {

	@Test
	void lookupBenchmarksResolveWhatTheyClaim() throws Exception {
		LookupBenchmark benchmark = new LookupBenchmark();
		benchmark.setUp();
		try {
			assertThat(benchmark.tree().entries()).isGreaterThanOrEqualTo(BenchmarkTree.FILES);
			String hit = hashedUrl(benchmark.manifest().index(), BenchmarkTree.HIT);
			assertThat(hit).matches("/css/area3/style33-[0-9a-f]{32}\\.css");
			assertThat(benchmark.assetbustHit()).isEqualTo(hit);
			assertThat(benchmark.assetbustBareName())
				.isEqualTo(hashedUrl(benchmark.manifest().index(), BenchmarkTree.MAIN))
				.matches("/css/main-[0-9a-f]{32}\\.css");
			assertThat(benchmark.assetbustMiss()).isEqualTo("/" + LookupBenchmark.MISSING);
			assertThat(benchmark.assetbustMiss()).isEqualTo("/" + LookupBenchmark.MISSING);
			assertThat(benchmark.assetbustWithQuery()).isEqualTo(hit + "?v=2");
			// Spring versions the stylesheet by the md5 of the file as written; assetbust hashes its
			// copy with rewritten url()s, so the two versions differ
			String spring = benchmark.springResourceUrlProvider();
			String md5 = DigestUtils.md5DigestAsHex(Files.readAllBytes(benchmark.tree().root().resolve(BenchmarkTree.HIT)));
			assertThat(spring).isEqualTo("/css/area3/style33-" + md5 + ".css");
			assertThat(benchmark.springResourceUrlProvider()).isEqualTo(spring);
		}
		finally {
			benchmark.tearDown();
		}
		assertThat(benchmark.tree().root()).doesNotExist();
	}

	@Test
	void manifestLoadBenchmarksLoadEveryEntry() {
		ManifestLoadBenchmark benchmark = new ManifestLoadBenchmark();
		benchmark.setUp();
		try {
			int entries = benchmark.tree().entries();
			assertThat(entries).isGreaterThanOrEqualTo(BenchmarkTree.FILES);
			AssetIndex cold = benchmark.loadCold();
			assertThat(cold.size()).isEqualTo(entries);
			assertThat(cold.find(BenchmarkTree.HIT)).isNotNull();
			assertThat(benchmark.loadWarm().size()).isEqualTo(entries);
		}
		finally {
			benchmark.tearDown();
		}
	}

	@Test
	void manifestLoadBenchmarkLoadsASyntheticManifestOfTheEntriesAsked() {
		ManifestLoadBenchmark benchmark = new ManifestLoadBenchmark();
		benchmark.entries = 2500;
		benchmark.setUp();
		try {
			assertThat(benchmark.tree().entries()).isEqualTo(2500);
			AssetIndex index = benchmark.loadCold();
			assertThat(index.size()).isEqualTo(2500);
			assertThat(index.find("main.css")).isNotNull();
			assertThat(index.find("css/area2/style2000.css").urlPath()).matches("/css/area2/style2000-[0-9a-f]{32}\\.css");
			assertThat(index.find("/img/area1/image1234.png")).isNotNull();
		}
		finally {
			benchmark.tearDown();
		}
	}

	@Test
	void thymeleafBenchmarksRenderTheSameLinks() {
		ThymeleafBenchmark benchmark = new ThymeleafBenchmark();
		benchmark.setUp();
		try {
			AssetIndex index = benchmark.manifest().index();
			String expression = benchmark.assetsExpression();
			String attribute = benchmark.assetsAttribute();
			String plain = benchmark.plainLinks();
			for (int n = 0; n < ThymeleafBenchmark.LINKS; n++) {
				String stylesheet = ThymeleafBenchmark.stylesheet(n);
				String hashed = hashedUrl(index, stylesheet);
				assertThat(hashed).isNotEqualTo("/" + stylesheet);
				assertThat(expression).contains("<link rel=\"stylesheet\" href=\"" + hashed + "\">");
				assertThat(attribute).contains("<link rel=\"stylesheet\" href=\"" + hashed + "\">");
				assertThat(plain).contains("<link rel=\"stylesheet\" href=\"/" + stylesheet + "\">");
			}
			for (String page : new String[] { expression, attribute, plain }) {
				assertThat(count(page, "<link ")).isEqualTo(ThymeleafBenchmark.LINKS);
				assertThat(page).doesNotContain("th:", "assets:", "${", "@{");
			}
			// the pages differ only in the link URLs
			assertThat(expression.replaceAll("-[0-9a-f]{32}\\.css", ".css")).isEqualTo(plain);
			// the control renders the expression page without a lookup: the plain page
			assertThat(benchmark.identityExpression()).isEqualTo(plain);
			assertThat(attribute).isEqualTo(expression);
			// rewrite-links turns the very same plain page into the hashed one
			assertThat(benchmark.rewrittenPlainLinks()).isEqualTo(expression);
			// a second render comes from the template cache and gives the same page
			assertThat(benchmark.assetsExpression()).isEqualTo(expression);
			assertThat(benchmark.plainLinks()).isEqualTo(plain);
		}
		finally {
			benchmark.tearDown();
		}
	}

	private static String hashedUrl(AssetIndex index, String path) {
		return "/" + index.manifest().assets().get(AssetPath.of(path)).path();
	}

	private static int count(String text, String what) {
		Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
