package io.github.assetbust.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.AssetResolver;
import io.github.assetbust.resolve.ManifestAssetResolver;
import io.github.assetbust.thymeleaf.AssetbustDialect;
import io.github.assetbust.web.AssetLinkRewriter;
import io.github.assetbust.web.servlet.AssetUrlEncodingFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/**
 * Rendering one page with 20 stylesheet links, as {@code ${#assets.url('css/area1/styleN.css')}},
 * as {@code assets:href="css/area1/styleN.css"}, and as plain {@code @{/css/area1/styleN.css}}, with
 * a real {@link SpringTemplateEngine} and the assetbust dialect, template cache on.
 *
 * <p>{@code @{/...}} links are context-relative, which Thymeleaf only builds in a web context, so
 * every page renders in a {@link WebContext} over a Thymeleaf {@link IWebExchange} built by
 * {@link JakartaServletWebApplication} from spring-test's servlet mocks (context path empty, as for
 * the resolver; the mock response's {@code encodeURL} returns the URL as it is). Like Spring MVC's
 * {@code ThymeleafView}, each render gets a fresh {@link ThymeleafEvaluationContext}.
 * {@link #identityExpression()} is the control that tells SpEL's share from assetbust's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
// SpEL and the template engine take longer to compile than a lookup
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThymeleafBenchmark {

	public static final int LINKS = 20;

	public static final String ASSETS_EXPRESSION_PAGE = page(
			(n) -> "<link rel=\"stylesheet\" th:href=\"${#assets.url('" + stylesheet(n) + "')}\">");

	public static final String ASSETS_ATTRIBUTE_PAGE = page(
			(n) -> "<link rel=\"stylesheet\" assets:href=\"" + stylesheet(n) + "\">");

	public static final String PLAIN_PAGE = page(
			(n) -> "<link rel=\"stylesheet\" th:href=\"@{/" + stylesheet(n) + "}\">");

	/**
	 * Spring Boot's {@code spring.thymeleaf.enable-spring-el-compiler}, off by default as in Spring
	 * Boot; {@code -p springElCompiler=true} measures with it on.
	 */
	@Param("false")
	public boolean springElCompiler;

	/**
	 * Table rows of content on the page besides its 20 links: 0 measures the links alone, where
	 * any cost per link weighs most; {@code -p rows=50} gives the page some content, as real pages
	 * have.
	 */
	@Param("0")
	public int rows;

	private List<Row> tableRows = List.of();

	/** One row of the page's table. */
	public record Row(String name, int count) {
	}

	private BenchmarkTree tree;

	private AssetManifest manifest;

	private SpringTemplateEngine engine;

	/** The same dialect over a resolver that does no lookup: what a {@code ${...}} call costs by itself. */
	private SpringTemplateEngine identityEngine;

	private GenericApplicationContext applicationContext;

	private IWebExchange exchange;

	/** The same request, its response wrapped by the filter that {@code assetbust.rewrite-links} adds. */
	private IWebExchange rewritingExchange;

	/** The path of the n-th stylesheet (0 to 19): all in {@code css/area1}. */
	public static String stylesheet(int n) {
		return "css/area1/style" + (1 + 30 * n) + ".css";
	}

	private static String page(IntFunction<String> link) {
		StringBuilder page = new StringBuilder();
		page.append("<!DOCTYPE html>\n<html xmlns:th=\"http://www.thymeleaf.org\">\n")
			.append("<head>\n<meta charset=\"utf-8\">\n<title>Twenty stylesheets</title>\n");
		for (int n = 0; n < LINKS; n++) {
			page.append(link.apply(n)).append('\n');
		}
		return page.append("</head>\n<body>\n<h1>Twenty stylesheets</h1>\n<p>A page that links 20 assets.</p>\n")
			.append("<table>\n<tr th:each=\"row : ${rows}\"><td th:text=\"${row.name}\">name</td>")
			.append("<td th:text=\"${row.count}\">0</td></tr>\n</table>\n")
			.append("</body>\n</html>\n")
			.toString();
	}

	@Setup(Level.Trial)
	public void setUp() {
		this.tableRows = IntStream.range(0, this.rows).mapToObj((n) -> new Row("item " + n, n)).toList();
		this.tree = BenchmarkTree.create();
		this.manifest = new AssetManifest(new FileSystemResource(this.tree.manifestFile()),
				"file:" + this.tree.manifestFile());
		this.manifest.load();
		ManifestAssetResolver resolver = new ManifestAssetResolver(this.manifest, "", () -> "", false);

		this.engine = engine(resolver);
		this.identityEngine = engine(new IdentityResolver());

		this.applicationContext = new GenericApplicationContext();
		this.applicationContext.refresh();
		MockServletContext servletContext = new MockServletContext();
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/page");
		request.setContextPath("");
		JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
		this.exchange = application.buildExchange(request, new MockHttpServletResponse());
		this.rewritingExchange = application.buildExchange(request, rewritingResponse(request));
	}

	/** The response as the rewrite-links filter hands it down the chain. */
	private HttpServletResponse rewritingResponse(MockHttpServletRequest request) {
		AssetUrlEncodingFilter filter = new AssetUrlEncodingFilter(new AssetLinkRewriter(this.manifest, ""));
		HttpServletResponse[] wrapped = new HttpServletResponse[1];
		try {
			filter.doFilter(request, new MockHttpServletResponse(),
					(chainRequest, chainResponse) -> wrapped[0] = (HttpServletResponse) chainResponse);
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
		return wrapped[0];
	}

	private SpringTemplateEngine engine(AssetResolver resolver) {
		StringTemplateResolver templates = new StringTemplateResolver();
		templates.setTemplateMode(TemplateMode.HTML);
		// as in production (spring.thymeleaf.cache=true); string templates default to no cache
		templates.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.setEnableSpringELCompiler(this.springElCompiler);
		engine.addDialect(new AssetbustDialect(resolver, false));
		return engine;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.applicationContext.close();
		this.manifest.close();
		this.tree.close();
	}

	@Benchmark
	public String assetsExpression() {
		return render(ASSETS_EXPRESSION_PAGE);
	}

	/**
	 * The {@link #assetsExpression()} page with a resolver that only puts a {@code /} before the
	 * path: the part of {@link #assetsExpression()} that is Thymeleaf and SpEL, not assetbust.
	 */
	@Benchmark
	public String identityExpression() {
		return render(this.identityEngine, ASSETS_EXPRESSION_PAGE);
	}

	@Benchmark
	public String assetsAttribute() {
		return render(ASSETS_ATTRIBUTE_PAGE);
	}

	@Benchmark
	public String plainLinks() {
		return render(PLAIN_PAGE);
	}

	/** The {@link #plainLinks()} page with {@code assetbust.rewrite-links=true}: every link hashed. */
	@Benchmark
	public String rewrittenPlainLinks() {
		return render(this.engine, this.rewritingExchange, PLAIN_PAGE);
	}

	private String render(String template) {
		return render(this.engine, template);
	}

	private String render(SpringTemplateEngine engine, String template) {
		return render(engine, this.exchange, template);
	}

	private String render(SpringTemplateEngine engine, IWebExchange exchange, String template) {
		WebContext context = new WebContext(exchange, Locale.ENGLISH);
		context.setVariable("rows", this.tableRows);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		return engine.process(template, context);
	}

	AssetManifest manifest() {
		return this.manifest;
	}

	/** Resolves {@code css/main.css} to {@code /css/main.css}, as {@code @{/css/main.css}} would. */
	public static final class IdentityResolver implements AssetResolver {

		@Override
		public String url(String path) {
			return "/" + path;
		}

		@Override
		public String integrity(String path) {
			return null;
		}

	}

}
