package io.github.assetbust.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.s3.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar assetbust-cli.jar publish} as a process, against S3Proxy in this JVM, with
 * credentials in the environment as a deploy script has them. One test at a time: they count the
 * requests the one server sees.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PublishIT {

	static S3ProxyServer server;

	static S3Client client;

	@TempDir
	Path work;

	@BeforeAll
	static void startServer() {
		server = S3ProxyServer.start();
		client = server.client();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	/** What a deploy script exports: the SDK's default chain reads them. */
	static Map<String, String> credentials() {
		return Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
				"AWS_REGION", S3ProxyServer.REGION, "AWS_EC2_METADATA_DISABLED", "true");
	}

	static List<String> publish(String bucket, String... more) {
		List<String> args = new ArrayList<>(List.of("publish", "--root", "site", "--to", "s3://" + bucket + "/static",
				"--endpoint", server.endpoint().toString(), "--path-style"));
		args.addAll(List.of(more));
		return Cli.command(args.toArray(String[]::new));
	}

	private Cli.Run run(List<String> command, Map<String, String> environment) {
		return Cli.start(this.work, command, environment).finish(Duration.ofSeconds(60));
	}

	private Manifest build(int version) {
		Path root = this.work.resolve("site");
		Trees.write(root, Trees.site(version, 1));
		return new AssetBuilder(BuildOptions.forRoot(root).withCompress(Set.of(Compression.GZIP))).build().manifest();
	}

	@Test
	void publishesTheBuildThenUploadsNothingTheSecondTime() {
		server.createBucket("cli-publish");
		Manifest manifest = build(1);

		Cli.Run first = run(publish("cli-publish"), credentials()).exits(0);
		server.resetCounts();
		Cli.Run second = run(publish("cli-publish"), credentials()).exits(0);

		assertThat(first.out()).matches("(?s)\\d+ objects uploaded \\([\\d,]+ bytes\\), 0 unchanged, manifest uploaded, "
				+ "0 stale objects deleted \\(0 bytes\\), 1 generation on record, 1 listing request, in \\d+ ms\\R");
		assertThat(second.out()).contains("0 objects uploaded (0 bytes)", "manifest unchanged");
		assertThat(server.puts()).isEmpty();
		assertThat(server.listings()).isEqualTo(1);
		Set<String> keys = keys("cli-publish");
		assertThat(keys).contains("static/asset-manifest.json");
		manifest.hashedPaths().forEach((copy) -> assertThat(keys).contains("static/" + copy));
	}

	@Test
	void deleteStaleDeletesOnlyGenerationsNoLongerKeptAndNoForeignObject() {
		server.createBucket("cli-stale");
		build(1);
		run(publish("cli-stale"), credentials()).exits(0);
		Set<String> first = keys("cli-stale");
		build(2);
		run(publish("cli-stale"), credentials()).exits(0);
		client.putObject((request) -> request.bucket("cli-stale").key("static/css/theirs-0123456789abcdef0123456789abcdef.css"),
				RequestBody.fromString("not ours"));
		Manifest third = build(3);

		Cli.Run run = run(publish("cli-stale", "--delete-stale", "--keep", "1", "--max-age", "0"), credentials()).exits(0);

		Set<String> left = keys("cli-stale");
		third.hashedPaths().forEach((copy) -> assertThat(left).contains("static/" + copy));
		assertThat(left).contains("static/css/theirs-0123456789abcdef0123456789abcdef.css");
		Set<String> onlyFirst = new TreeSet<>(first);
		onlyFirst.removeAll(left);
		assertThat(onlyFirst).as("objects of the first generation, neither kept nor current").isNotEmpty();
		assertThat(run.out()).contains(onlyFirst.size() + " stale objects deleted", "2 generations on record");
	}

	@Test
	void aMissingBucketIsOneLineAndExitCode1() {
		build(1);

		Cli.Run run = run(publish("no-such-bucket"), credentials()).exits(1);

		assertThat(run.errLines()).singleElement()
			.asString()
			.startsWith("assetbust: No bucket 'no-such-bucket' at " + server.endpoint());
		assertThat(run.out()).isEmpty();
	}

	@Test
	void refusedCredentialsAreOneLineAndExitCode1() {
		server.createBucket("cli-credentials");
		build(1);
		Map<String, String> wrong = new java.util.HashMap<>(credentials());
		wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");

		Cli.Run run = run(publish("cli-credentials"), wrong).exits(1);

		assertThat(run.errLines()).singleElement()
			.asString()
			.startsWith("assetbust: " + server.endpoint() + " refused the credentials listing s3://cli-credentials/static/")
			.contains("SignatureDoesNotMatch", "AWS_ACCESS_KEY_ID");
		assertThat(keys("cli-credentials")).isEmpty();
	}

	@Test
	void anUnreachableEndpointIsOneLineAndExitCode1() {
		build(1);
		List<String> command = Cli.command("publish", "--root", "site", "--to", "s3://assets", "--endpoint",
				"http://127.0.0.1:9", "--path-style");

		Cli.Run run = run(command, credentials()).exits(1);

		assertThat(run.errLines()).singleElement()
			.asString()
			.startsWith("assetbust: Cannot reach http://127.0.0.1:9 listing s3://assets/")
			.contains("ConnectException");
	}

	@Test
	void aBadLocationOrEndpointIsBadUsage() {
		Cli.Run location = run(Cli.command("publish", "--root", "site", "--to", "assets"), credentials()).exits(2);
		Cli.Run endpoint = run(Cli.command("publish", "--root", "site", "--to", "s3://assets", "--endpoint", "localhost"),
				credentials()).exits(2);

		assertThat(location.errLines().get(0)).contains("'assets' is not an s3:// location");
		assertThat(endpoint.errLines().get(0)).contains("'localhost' is not an endpoint");
	}

	static Set<String> keys(String bucket) {
		return client.listObjectsV2Paginator((request) -> request.bucket(bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
