package io.github.assetbust.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.assetbust.resolve.AssetIndex;
import io.github.assetbust.resolve.AssetManifest;
import org.apache.commons.logging.LogFactory;
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
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;

/**
 * Startup: reading a 4,001-entry manifest file into the index that lookups use, as the
 * {@code assets} bean does when the application starts ({@link AssetManifest#load()}: read and
 * check the JSON while digesting it, read the generations record beside it, build the index).
 *
 * <p>{@code -p entries=1000000} loads a {@link SyntheticManifest} of that many entries instead of
 * the built tree's (issue #14: a million entries in under 3 s and 1 GB; run the fork with
 * {@code -jvmArgs -Xmx1g} to hold it to that).
 *
 * <p>{@link #loadCold()} is the first load in a JVM that has never read a manifest: the tree is
 * written and built by a child process, so not even the JSON classes are loaded yet; one shot per
 * fork. Logging is set up before, as it is in any Spring Boot application by the time the
 * {@code assets} bean loads its manifest (setting up logback takes longer than the load itself). {@link #loadWarm()} is the average once the JIT has compiled the code, as for a reload of a
 * changed manifest in a running server.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ManifestLoadBenchmark {

	/**
	 * How many entries the manifest has: 4,001 is {@link BenchmarkTree}'s built tree, any other
	 * count a {@link SyntheticManifest}.
	 */
	@Param({ "4001" })
	public int entries = BenchmarkTree.FILES + 1;

	private BenchmarkTree tree;

	private FileSystemResource resource;

	private String location;

	@Setup(Level.Trial)
	public void setUp() {
		this.tree = BenchmarkTree.createInChildProcess((this.entries == BenchmarkTree.FILES + 1) ? 0 : this.entries);
		LogFactory.getLog(ManifestLoadBenchmark.class).isInfoEnabled();
		LoggerFactory.getLogger(ManifestLoadBenchmark.class).isInfoEnabled();
		this.resource = new FileSystemResource(this.tree.manifestFile());
		this.resource.isFile();
		this.location = "file:" + this.tree.manifestFile();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.tree.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Fork(5)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	public AssetIndex loadCold() {
		return load();
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Fork(1)
	@Warmup(iterations = 3, time = 1)
	@Measurement(iterations = 5, time = 1)
	public AssetIndex loadWarm() {
		return load();
	}

	private AssetIndex load() {
		try (AssetManifest manifest = new AssetManifest(this.resource, this.location)) {
			return manifest.load();
		}
	}

	BenchmarkTree tree() {
		return this.tree;
	}

}
