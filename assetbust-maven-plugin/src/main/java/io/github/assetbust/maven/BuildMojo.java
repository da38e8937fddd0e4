package io.github.assetbust.maven;

import java.io.File;
import java.time.Duration;
import java.util.List;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.retention.Retention;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a content-hashed copy of every static file beside it and the manifest the starter reads,
 * so the packaged application ships both and builds nothing at startup. Output is reproducible:
 * the same sources give the same bytes.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class BuildMojo extends AbstractMojo {

	/** The folder to hash; Spring Boot serves it as {@code classpath:/static/}. */
	@Parameter(property = "assetbust.root", defaultValue = "${project.build.outputDirectory}/static")
	private File root;

	/** Where the manifest goes; the starter reads it from {@code classpath:/META-INF/assetbust/manifest.json}. */
	@Parameter(property = "assetbust.manifest",
			defaultValue = "${project.build.outputDirectory}/" + Manifest.CLASSPATH_LOCATION)
	private File manifest;

	/** Globs, relative to the root, of the files to hash. Default: every file. */
	@Parameter
	private List<String> includes;

	/** Globs, relative to the root, of the files and folders to leave alone. Default: dotfiles and Sass sources. */
	@Parameter
	private List<String> excludes;

	/** The digest in hashed names: {@code md5} or {@code sha256}. Default: md5. */
	@Parameter(property = "assetbust.algorithm")
	private String algorithm;

	/**
	 * Where the goal remembers earlier builds (digests of unchanged files, which hashed copies it
	 * wrote), outside the classes folder so none of it ends up in the jar.
	 */
	@Parameter(defaultValue = "${project.build.directory}/assetbust")
	private File stateDirectory;

	/** Fails the build if a CSS or JavaScript reference points at a missing file or out of the root. */
	@Parameter(property = "assetbust.strict", defaultValue = "false")
	private boolean strict;

	/**
	 * Precompressed variants to write beside each hashed copy of a text file or uncompressed font:
	 * {@code gzip} ({@code .gz}) and {@code br} ({@code .br}), each kept only if smaller than the
	 * copy. Default: none.
	 */
	@Parameter(property = "assetbust.compress")
	private List<String> compress;

	/** How hard Brotli works on {@code .br} variants: 0 (fastest) to 11 (densest). Default: 8. */
	@Parameter(property = "assetbust.brotliQuality")
	private Integer brotliQuality;

	/** Skips the goal. */
	@Parameter(property = "assetbust.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip) {
			getLog().info("Skipping assetbust:build (assetbust.skip=true)");
			return;
		}
		if (!this.root.isDirectory()) {
			// a goal that hashes nothing would ship a jar without a manifest, unnoticed
			throw new MojoExecutionException("assetbust:build has no folder to hash: " + this.root
					+ (this.root.exists() ? " is not a folder" : " does not exist")
					+ ". Set <root> to the static assets folder (by default target/classes/static, where "
					+ "src/main/resources/static is copied), or <skip>true</skip> in a module without assets");
		}
		try {
			BuildOptions options = BuildOptions.forRoot(this.root.toPath())
				.withManifest(this.manifest.toPath())
				.withReproducible(true)
				.withStateDirectory(this.stateDirectory.toPath())
				// a jar serves one generation: copies of earlier builds in target/classes would only bloat it
				.withRetention(new Retention(0, Duration.ZERO))
				.withStrict(this.strict);
			if (this.compress != null) {
				options = options.withCompress(Compression.parse(this.compress));
			}
			if (this.brotliQuality != null) {
				options = options.withBrotliQuality(this.brotliQuality);
			}
			if (this.algorithm != null) {
				options = options.withAlgorithm(DigestAlgorithm.fromId(this.algorithm));
			}
			if (this.includes != null) {
				options = options.withIncludes(this.includes);
			}
			if (this.excludes != null) {
				options = options.withExcludes(this.excludes);
			}
			BuildResult result = new AssetBuilder(options).build();
			result.references().problems().forEach((problem) -> getLog().warn(problem.toString()));
			getLog().info("assetbust: " + result.summary() + "; manifest " + result.manifestFile());
		}
		catch (AssetbustException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
	}

}
