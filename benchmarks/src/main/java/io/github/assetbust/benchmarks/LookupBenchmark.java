package io.github.assetbust.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.ManifestAssetResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.core.io.FileSystemResource;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * {@code assets.url()} on a 4,001-entry manifest against Spring's resource chain on the same files,
 * configured as Spring Boot does for {@code spring.web.resources.chain.strategy.content.enabled=true}
 * with the default {@code spring.web.resources.chain.cache=true}: a {@link CachingResourceResolver},
 * a {@link VersionResourceResolver} with a content strategy for {@code /**}, a
 * {@link PathResourceResolver}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBenchmark {

	/** Resolves to {@code css/main.css} by the folder named after its extension. */
	public static final String BARE = "main.css";

	/** The one path the miss benchmark asks for, so that the fallback warns once, in setup. */
	public static final String MISSING = "css/missing/nothing.css";

	public static final String WITH_QUERY = BenchmarkTree.HIT + "?v=2";

	public static final String SPRING_LOOKUP = "/" + BenchmarkTree.HIT;

	private BenchmarkTree tree;

	private AssetManifest manifest;

	private ManifestAssetResolver resolver;

	private ResourceUrlProvider spring;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.tree = BenchmarkTree.create();
		this.manifest = new AssetManifest(new FileSystemResource(this.tree.manifestFile()),
				"file:" + this.tree.manifestFile());
		this.manifest.load();
		this.resolver = new ManifestAssetResolver(this.manifest, "", () -> "", false);
		// the one warning of the miss benchmark is logged here, not while measuring
		this.resolver.url(MISSING);
		this.spring = springResourceUrlProvider(this.tree);
	}

	/** Spring's resource chain over the tree, as Spring Boot configures it, without a web server. */
	static ResourceUrlProvider springResourceUrlProvider(BenchmarkTree tree) throws Exception {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(new FileSystemResource(tree.root().toString() + "/")));
		handler.setResourceResolvers(List.of(
				new CachingResourceResolver(new ConcurrentMapCache("spring-resource-chain-cache")),
				new VersionResourceResolver().addContentVersionStrategy("/**"), new PathResourceResolver()));
		handler.afterPropertiesSet();
		ResourceUrlProvider provider = new ResourceUrlProvider();
		provider.setHandlerMap(Map.of("/**", handler));
		return provider;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.manifest.close();
		this.tree.close();
	}

	/** {@code css/area3/style33.css}: one map read. */
	@Benchmark
	public String assetbustHit() {
		return this.resolver.url(BenchmarkTree.HIT);
	}

	/** {@code main.css}, found as {@code css/main.css}. */
	@Benchmark
	public String assetbustBareName() {
		return this.resolver.url(BARE);
	}

	/** A path the manifest does not have: the original URL comes back, the warning was given already. */
	@Benchmark
	public String assetbustMiss() {
		return this.resolver.url(MISSING);
	}

	/** {@code css/area3/style33.css?v=2}: the hashed URL with the query kept. */
	@Benchmark
	public String assetbustWithQuery() {
		return this.resolver.url(WITH_QUERY);
	}

	/** The same stylesheet through Spring's resource chain (a cache hit after the first call). */
	@Benchmark
	public String springResourceUrlProvider() {
		return this.spring.getForLookupPath(SPRING_LOOKUP);
	}

	BenchmarkTree tree() {
		return this.tree;
	}

	AssetManifest manifest() {
		return this.manifest;
	}

}
