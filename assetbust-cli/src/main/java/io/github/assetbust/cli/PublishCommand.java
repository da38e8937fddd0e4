package io.github.assetbust.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.s3.PublishOptions;
import io.github.assetbust.s3.PublishResult;
import io.github.assetbust.s3.Publisher;
import io.github.assetbust.s3.S3Clients;
import io.github.assetbust.s3.S3Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code publish}: upload a built root's hashed copies to a bucket, the manifest last. */
@Command(name = "publish", sortOptions = false,
		description = { "Uploads every hashed copy the manifest lists, and its .br/.gz variants, that the bucket "
				+ "lacks (Cache-Control: public, max-age=31536000, immutable), then the manifest (no-cache), so the "
				+ "bucket never holds a manifest that points at a missing object. One listing tells what is there; "
				+ "publishing the same build again uploads nothing.",
				"Credentials and, without --region, the region come from the AWS SDK's default chain: "
						+ "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance or container role." },
		footerHeading = "%nExamples:%n",
		footer = { "  java -jar assetbust-cli.jar publish --root /var/www/html --to s3://assets/site --region eu-west-1",
				"  java -jar assetbust-cli.jar publish --root site --to s3://assets --endpoint http://localhost:9000 "
						+ "--path-style",
				"  java -jar assetbust-cli.jar publish --root site --to s3://assets --delete-stale --keep 5 --max-age 1d" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:published", "1:failed: no manifest, a changed or missing file, no bucket, refused "
				+ "credentials, an unreachable server; the bucket's manifest is the previous one", "2:bad usage" })
final class PublishCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private HelpOption help;

	@Mixin
	private TreeOptions tree;

	@Option(names = "--to", required = true, paramLabel = "s3://BUCKET[/PREFIX]", order = 2,
			converter = LocationConverter.class,
			description = "The bucket, and the folder in it under which keys mirror DIR: with "
					+ "assetbust.url-prefix=https://CDN/PREFIX, URLs point at them.")
	private S3Location to;

	@Option(names = "--endpoint", paramLabel = "URL", order = 3, converter = EndpointConverter.class,
			description = "An S3-compatible server (MinIO, Ceph, R2, S3Proxy...) instead of AWS.")
	private URI endpoint;

	@Option(names = "--path-style", order = 4,
			description = "Address the bucket as URL/BUCKET/KEY rather than BUCKET.URL/KEY, as most S3-compatible "
					+ "servers need.")
	private boolean pathStyle;

	@Option(names = "--region", paramLabel = "R", order = 5,
			description = "The bucket's region. Default: the AWS SDK's (AWS_REGION, the profile), or us-east-1 with "
					+ "--endpoint.")
	private String region;

	@Mixin
	private RetentionOptions retention;

	@Option(names = "--delete-stale", order = 22,
			description = "Delete the objects of published generations that --keep and --max-age no longer keep, "
					+ "as clean does on disk. Only objects a publish recorded are ever deleted, never anything else "
					+ "under the prefix.")
	private boolean deleteStale;

	@Option(names = "--dry-run", order = 30, description = "List what would be uploaded and deleted; change nothing.")
	private boolean dryRun;

	private int threads;

	@Option(names = "--threads", paramLabel = "N", order = 32,
			description = "How many uploads run at once. Default: ${DEFAULT-VALUE}.")
	void setThreads(int threads) {
		if (threads < 1) {
			throw new ParameterException(this.spec.commandLine(),
					"Invalid value for option '--threads': " + threads + " is less than 1: a publish needs a thread");
		}
		this.threads = threads;
	}

	@Override
	public Integer call() {
		PublishOptions options = PublishOptions.of(this.tree.root(), this.to)
			.withManifest(this.tree.manifest())
			.withEndpoint(this.endpoint, this.pathStyle)
			.withRegion(this.region)
			.withRetention(this.retention.retention(), this.deleteStale)
			.withDryRun(this.dryRun)
			.withThreads(this.threads);
		PublishResult result;
		try (S3Client client = S3Clients.create(this.endpoint, this.pathStyle, this.region)) {
			result = new Publisher(client, options, Clock.systemUTC()).publish();
		}
		catch (SdkException ex) {
			throw new AssetbustException("Cannot publish to " + this.to + ": " + ex.getMessage(), ex);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (result.dryRun()) {
			result.uploaded().stream().sorted().forEach((key) -> out.println("would upload s3://" + this.to.bucket() + "/" + key));
			result.deleted().stream().sorted().forEach((key) -> out.println("would delete s3://" + this.to.bucket() + "/" + key));
		}
		out.println(result.summary());
		return 0;
	}


	/** {@code s3://BUCKET[/PREFIX]}, checked while parsing so that a bad one is a usage error. */
	static final class LocationConverter implements ITypeConverter<S3Location> {

		@Override
		public S3Location convert(String value) {
			try {
				return S3Location.parse(value);
			}
			catch (AssetbustException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

	/** An {@code http://} or {@code https://} URL with a host. */
	static final class EndpointConverter implements ITypeConverter<URI> {

		@Override
		public URI convert(String value) {
			try {
				URI uri = new URI(value);
				if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
						&& uri.getHost() != null) {
					return uri;
				}
			}
			catch (java.net.URISyntaxException ex) {
				// said below
			}
			throw new TypeConversionException("'" + value + "' is not an endpoint: use a URL such as "
					+ "http://localhost:9000 or https://s3.example.com");
		}

	}

}
