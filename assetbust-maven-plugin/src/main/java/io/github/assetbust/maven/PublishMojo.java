package io.github.assetbust.maven;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.Durations;

import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.retention.Retention;
import io.github.assetbust.s3.PublishOptions;
import io.github.assetbust.s3.PublishResult;
import io.github.assetbust.s3.Publisher;
import io.github.assetbust.s3.S3Clients;
import io.github.assetbust.s3.S3Location;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads the hashed copies the build goal wrote, and their variants, to an S3-compatible bucket,
 * then the manifest: the CLI's {@code publish}, with the same options. Bound to {@code deploy}, so
 * the assets are in the bucket before the jar that links them is rolled out. Credentials and,
 * without {@code region}, the region come from the AWS SDK's default chain (environment, profile,
 * instance role), never from the pom.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractMojo {

	/** The folder the build goal hashed. */
	@Parameter(property = "assetbust.root", defaultValue = "${project.build.outputDirectory}/static")
	private File root;

	/** The manifest the build goal wrote; its name is its key under the prefix. */
	@Parameter(property = "assetbust.manifest",
			defaultValue = "${project.build.outputDirectory}/" + Manifest.CLASSPATH_LOCATION)
	private File manifest;

	/** {@code s3://BUCKET[/PREFIX]}: where the hashed copies go, keys mirroring the root under the prefix. */
	@Parameter(property = "assetbust.publish.to", required = true)
	private String to;

	/** An S3-compatible server's URL (MinIO, Ceph, R2...); AWS when unset. */
	@Parameter(property = "assetbust.publish.endpoint")
	private String endpoint;

	/** Address the bucket as {@code endpoint/bucket/key}, as most S3-compatible servers need. */
	@Parameter(property = "assetbust.publish.pathStyle", defaultValue = "false")
	private boolean pathStyle;

	/** The bucket's region; the AWS SDK's default chain's when unset, {@code us-east-1} with an endpoint. */
	@Parameter(property = "assetbust.publish.region")
	private String region;

	/** How many previous published generations {@code deleteStale} keeps. */
	@Parameter(property = "assetbust.publish.keep", defaultValue = "2")
	private int keep;

	/** Also keep objects younger than this: {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT1H}). */
	@Parameter(property = "assetbust.publish.maxAge", defaultValue = "1h")
	private String maxAge;

	/** Delete the objects of generations no longer kept; never anything a publish did not record. */
	@Parameter(property = "assetbust.publish.deleteStale", defaultValue = "false")
	private boolean deleteStale;

	/** Only log what would be uploaded and deleted. */
	@Parameter(property = "assetbust.publish.dryRun", defaultValue = "false")
	private boolean dryRun;

	/** How many uploads run at once. */
	@Parameter(property = "assetbust.publish.threads", defaultValue = "" + PublishOptions.DEFAULT_THREADS)
	private int threads;

	/** Skips the goal. */
	@Parameter(property = "assetbust.publish.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip) {
			getLog().info("Skipping assetbust:publish (assetbust.publish.skip=true)");
			return;
		}
		try {
			PublishOptions options = options();
			PublishResult result;
			try (S3Client client = S3Clients.create(options.endpoint(), options.pathStyle(), options.region())) {
				result = new Publisher(client, options, Clock.systemUTC()).publish();
			}
			catch (SdkException ex) {
				throw new AssetbustException("Cannot publish to " + options.to() + ": " + ex.getMessage(), ex);
			}
			if (result.dryRun()) {
				result.uploaded().stream().sorted().forEach((key) -> getLog().info("would upload " + key));
				result.deleted().stream().sorted().forEach((key) -> getLog().info("would delete " + key));
			}
			getLog().info("assetbust: " + result.summary() + "; manifest " + options.to().uri(result.manifestKey()));
		}
		catch (AssetbustException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
	}

	/** The goal's parameters as the CLI's options, each checked with a message naming it. */
	PublishOptions options() {
		S3Location location = S3Location.parse(this.to);
		if (this.keep < 0) {
			throw new AssetbustException("<keep> is " + this.keep + ": keep 0 or more generations");
		}
		if (this.threads < 1) {
			throw new AssetbustException("<threads> is " + this.threads + ": a publish needs at least 1");
		}
		return PublishOptions.of(this.root.toPath(), location)
			.withManifest(this.manifest.toPath())
			.withEndpoint(endpoint(), this.pathStyle)
			.withRegion(this.region)
			.withRetention(new Retention(this.keep, duration(this.maxAge)), this.deleteStale)
			.withDryRun(this.dryRun)
			.withThreads(this.threads);
	}

	private URI endpoint() {
		if (this.endpoint == null || this.endpoint.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(this.endpoint.strip());
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// said below
		}
		throw new AssetbustException("<endpoint> '" + this.endpoint + "' is not a URL such as http://localhost:9000");
	}

	/** The CLI's duration forms: a whole number and a unit ({@code 90s}, {@code 1h30m}), {@code 0}, or ISO-8601. */
	static Duration duration(String value) {
		try {
			return Durations.parse(value);
		}
		catch (AssetbustException ex) {
			throw new AssetbustException("<maxAge> " + ex.getMessage(), ex);
		}
	}

}
