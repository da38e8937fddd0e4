package io.github.assetbust.s3;

import java.net.URI;
import java.nio.file.Path;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.retention.Retention;

/**
 * What a publish uploads, where to, and what it may delete. Start from {@link #of} and change what
 * differs.
 * @param root the asset root a build wrote the hashed copies into
 * @param manifest the manifest that build wrote; its name is also its key under the prefix
 * @param to the bucket and prefix
 * @param endpoint an S3-compatible server's URL, or {@code null} for AWS
 * @param pathStyle address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}
 * @param region the region, or {@code null} for the SDK's default chain
 * @param retention which earlier generations {@code deleteStale} keeps: the rule {@code build} and
 * {@code clean} apply on disk
 * @param deleteStale delete objects of generations the retention rule no longer keeps
 * @param dryRun only say what would be uploaded and deleted
 * @param threads how many uploads run at once
 */
public record PublishOptions(Path root, Path manifest, S3Location to, URI endpoint, boolean pathStyle, String region,
		Retention retention, boolean deleteStale, boolean dryRun, int threads) {

	/** Uploads are waits on the network, not work for the cores: more of them than cores pay off. */
	public static final int DEFAULT_THREADS = 8;

	public PublishOptions {
		if (threads < 1) {
			throw new AssetbustException("A publish needs at least 1 thread, not " + threads);
		}
	}

	/** Defaults: the manifest in the root, AWS, the default chain's region, build's retention, nothing deleted. */
	public static PublishOptions of(Path root, S3Location to) {
		return new PublishOptions(root, root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME), to, null, false, null,
				Retention.DEFAULT, false, false, DEFAULT_THREADS);
	}

	public PublishOptions withManifest(Path manifest) {
		return new PublishOptions(this.root, manifest, this.to, this.endpoint, this.pathStyle, this.region,
				this.retention, this.deleteStale, this.dryRun, this.threads);
	}

	public PublishOptions withEndpoint(URI endpoint, boolean pathStyle) {
		return new PublishOptions(this.root, this.manifest, this.to, endpoint, pathStyle, this.region, this.retention,
				this.deleteStale, this.dryRun, this.threads);
	}

	public PublishOptions withRegion(String region) {
		return new PublishOptions(this.root, this.manifest, this.to, this.endpoint, this.pathStyle, region,
				this.retention, this.deleteStale, this.dryRun, this.threads);
	}

	public PublishOptions withRetention(Retention retention, boolean deleteStale) {
		return new PublishOptions(this.root, this.manifest, this.to, this.endpoint, this.pathStyle, this.region,
				retention, deleteStale, this.dryRun, this.threads);
	}

	public PublishOptions withDryRun(boolean dryRun) {
		return new PublishOptions(this.root, this.manifest, this.to, this.endpoint, this.pathStyle, this.region,
				this.retention, this.deleteStale, dryRun, this.threads);
	}

	public PublishOptions withThreads(int threads) {
		return new PublishOptions(this.root, this.manifest, this.to, this.endpoint, this.pathStyle, this.region,
				this.retention, this.deleteStale, this.dryRun, threads);
	}

	/** The server, for messages: the endpoint, or AWS's S3. */
	String server() {
		if (this.endpoint != null) {
			return this.endpoint.toString();
		}
		return (this.region != null) ? "https://s3." + this.region + ".amazonaws.com" : "AWS S3";
	}

}
