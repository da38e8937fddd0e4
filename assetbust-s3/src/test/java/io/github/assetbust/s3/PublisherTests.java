package io.github.assetbust.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.assetbust.core.AssetbustException;

import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.Retention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing a built root to a real S3 API server (S3Proxy), through the real SDK, over HTTP. */
class PublisherTests {

	static S3ProxyServer server;

	static S3Client client;

	@TempDir
	Path root;

	String bucket;

	S3Location to;

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

	@BeforeEach
	void newBucket(org.junit.jupiter.api.TestInfo test) {
		this.bucket = "b" + Integer.toHexString(test.getDisplayName().hashCode() & 0xffffff) + "-"
				+ Long.toHexString(System.nanoTime());
		server.createBucket(this.bucket);
		this.to = new S3Location(this.bucket, "site/v");
		server.resetCounts();
	}

	private PublishResult publish(PublishOptions options) {
		return publish(options, Clock.systemUTC(), client);
	}

	private PublishResult publish(PublishOptions options, Clock clock, S3Client through) {
		return new Publisher(through, options, clock).publish();
	}

	private PublishOptions options() {
		return PublishOptions.of(this.root, this.to);
	}

	@Test
	void uploadsEveryHashedCopyAndVariantWithItsHeadersAndTheManifestLast() throws Exception {
		Sites.write(this.root, 1);
		Manifest manifest = Sites.build(this.root).manifest();

		PublishResult result = publish(options());

		List<String> expected = new ArrayList<>();
		for (var entry : manifest.assets().entrySet()) {
			AssetPath copy = entry.getValue().path();
			String type = switch (entry.getKey().extension()) {
				case "css" -> "text/css";
				case "js" -> "text/javascript";
				case "png" -> "image/png";
				default -> "font/ttf";
			};
			HeadObjectResponse head = head(copy.toString());
			assertThat(unquoted(head.eTag())).as("ETag of %s", copy).isEqualTo(md5(this.root.resolve(copy.toString())))
				.isEqualTo(copy.fileName().replaceAll(".*-([0-9a-f]{32})\\..*", "$1"));
			assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
			assertThat(head.contentType()).startsWith(type);
			assertThat(head.contentEncoding()).isNull();
			expected.add(this.to.key(copy));
			AssetPath gzip = Compression.GZIP.variantOf(copy);
			if (Files.exists(this.root.resolve(gzip.toString()))) {
				HeadObjectResponse variant = head(gzip.toString());
				assertThat(unquoted(variant.eTag())).isEqualTo(md5(this.root.resolve(gzip.toString())));
				assertThat(variant.contentEncoding()).isEqualTo("gzip");
				assertThat(variant.contentType()).as("type of %s: its original's", gzip).startsWith(type);
				assertThat(variant.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
				expected.add(this.to.key(gzip));
			}
		}
		assertThat(expected).as("css, js and ttf have gzip variants").hasSize(7);
		HeadObjectResponse manifestHead = head("asset-manifest.json");
		assertThat(manifestHead.cacheControl()).isEqualTo("no-cache");
		assertThat(manifestHead.contentType()).startsWith("application/json");
		assertThat(unquoted(manifestHead.eTag())).isEqualTo(md5(this.root.resolve("asset-manifest.json")));

		List<String> puts = server.puts();
		assertThat(puts).containsExactlyInAnyOrderElementsOf(concat(expected, "site/v/asset-manifest.json",
				"site/v/.asset-manifest.json.generations.json"));
		assertThat(puts.subList(puts.size() - 2, puts.size())).as("the manifest, then the record, after every object")
			.containsExactly("site/v/asset-manifest.json", "site/v/.asset-manifest.json.generations.json");
		assertThat(result.uploaded()).hasSize(expected.size() + 1);
		assertThat(result.manifestUploaded()).isTrue();
		assertThat(result.unchanged()).isZero();
		assertThat(server.listings()).isEqualTo(1);
	}

	@Test
	void publishingTheSameBuildAgainUploadsNothingAfterOneListing() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		publish(options());
		server.resetCounts();

		PublishResult again = publish(options());

		assertThat(server.puts()).isEmpty();
		assertThat(server.listings()).isEqualTo(1);
		assertThat(again.uploaded()).isEmpty();
		assertThat(again.manifestUploaded()).isFalse();
		assertThat(again.unchanged()).isEqualTo(8);
		assertThat(again.listingPages()).isEqualTo(1);
	}

	@Test
	void aListingLongerThanAPageIsFollowedPageByPage() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		publish(options());
		server.resetCounts();

		PublishResult again = new Publisher(client, options(), Clock.systemUTC()).listPageSize(3).publish();

		assertThat(again.listingPages()).as("9 objects, 3 a page").isEqualTo(3);
		assertThat(server.listings()).isEqualTo(3);
		assertThat(server.puts()).isEmpty();
	}

	@Test
	void aNewBuildUploadsOnlyWhatChangedThenItsManifest() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		publish(options());
		Sites.write(this.root, 2);
		Manifest second = Sites.build(this.root).manifest();
		server.resetCounts();

		publish(options());

		String css = second.assets().get(AssetPath.of("css/main.css")).path().toString();
		List<String> puts = server.puts();
		assertThat(puts).hasSize(4);
		assertThat(puts.subList(0, 2)).containsExactlyInAnyOrder("site/v/" + css, "site/v/" + css + ".gz");
		assertThat(puts.subList(2, 4)).containsExactly("site/v/asset-manifest.json",
				"site/v/.asset-manifest.json.generations.json");
	}

	@Test
	void uploadsSendAContentMd5AndNoFlexibleChecksumSoServersWithoutThemAcceptThem() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				sent.add(context.httpRequest());
			}
		};
		try (S3Client recording = S3Clients.create(server.endpoint(), true, S3ProxyServer.REGION,
				(builder) -> builder.credentialsProvider(credentials())
					.overrideConfiguration((config) -> config.addExecutionInterceptor(recorder)))) {
			publish(options(), Clock.systemUTC(), recording);
		}

		List<SdkHttpRequest> puts = sent.stream().filter((request) -> request.method().name().equals("PUT")).toList();
		assertThat(puts).hasSize(9);
		assertThat(puts).allSatisfy((request) -> {
			assertThat(request.firstMatchingHeader("Content-MD5")).isPresent();
			assertThat(request.headers().keySet()).noneMatch((name) -> name.toLowerCase().startsWith("x-amz-checksum"))
				.noneMatch((name) -> name.equalsIgnoreCase("x-amz-trailer"));
			assertThat(request.firstMatchingHeader("x-amz-content-sha256").orElse(""))
				.doesNotStartWith("STREAMING");
			assertThat(request.firstMatchingHeader("Content-Encoding").orElse("")).doesNotContain("aws-chunked");
		});
	}

	@Test
	void theServerRefusesABodyWhoseContentMd5DoesNotMatchSoS3ChecksEveryUpload() {
		assertThatThrownBy(() -> client.putObject((request) -> request.bucket(this.bucket)
			.key("site/v/x.css")
			.contentMD5(ObjectUpload.base64Md5("other bytes".getBytes())), RequestBody.fromString("body {}")))
			.isInstanceOfSatisfying(S3Exception.class,
					(ex) -> assertThat(ex.awsErrorDetails().errorCode()).isIn("BadDigest", "InvalidDigest"));
	}

	@Test
	void aHashedCopyChangedSinceTheBuildIsNotUploadedAndNeitherIsTheManifest() throws IOException {
		Sites.write(this.root, 1);
		Manifest manifest = Sites.build(this.root).manifest();
		Path js = this.root.resolve(manifest.assets().get(AssetPath.of("js/app.js")).path().toString());
		Files.writeString(js, "tampered();");

		assertThatThrownBy(() -> publish(options())).isInstanceOf(AssetbustException.class)
			.hasMessageContaining(js.toString())
			.hasMessageContaining("build again");
		assertThat(server.puts()).doesNotContain("site/v/asset-manifest.json", "site/v/" + this.root.relativize(js));
	}

	@Test
	void aManifestListingACopyMissingFromTheRootUploadsNothing() throws IOException {
		Sites.write(this.root, 1);
		Manifest manifest = Sites.build(this.root).manifest();
		Files.delete(this.root.resolve(manifest.assets().get(AssetPath.of("img/logo.png")).path().toString()));

		assertThatThrownBy(() -> publish(options())).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("missing from")
			.hasMessageContaining("img/logo-");
		assertThat(server.puts()).isEmpty();
	}

	@Test
	void aDryRunWritesAndDeletesNothingButSaysWhatItWould() {
		Sites.write(this.root, 1);
		Sites.build(this.root);

		PublishResult result = publish(options().withDryRun(true));

		assertThat(result.uploaded()).as("7 objects and the manifest").hasSize(8);
		assertThat(server.puts()).isEmpty();
		assertThat(client.listObjectsV2((request) -> request.bucket(this.bucket)).contents()).isEmpty();
	}

	@Test
	void deleteStaleKeepsTheKeptGenerationsAndNeverTouchesAForeignObject() throws IOException {
		List<Set<String>> generations = new ArrayList<>();
		for (int version = 1; version <= 4; version++) {
			Sites.write(this.root, version);
			Sites.build(this.root);
			publish(options());
			generations.add(keys());
		}
		putForeign("site/v/css/theirs-0123456789abcdef0123456789abcdef.css");
		putForeign("site/v/uploads/photo.png");
		putForeign("elsewhere/css/main-0123456789abcdef0123456789abcdef.css");
		Set<String> before = allKeys();
		// an hour and a minute later: every object is older than max-age
		Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61));

		PublishResult result = publish(options().withRetention(new Retention(1, Duration.ofHours(1)), true),
				later, client);

		Set<String> kept = new TreeSet<>(generations.get(3));
		kept.addAll(generations.get(2));
		Set<String> stale = new TreeSet<>(before);
		stale.removeAll(kept);
		stale.removeIf((key) -> !key.startsWith("site/v/css/main-"));
		assertThat(stale).as("main.css of versions 1 and 2, with their .gz").hasSize(4);
		assertThat(server.deletes()).containsExactlyInAnyOrderElementsOf(stale);
		assertThat(result.deleted()).containsExactlyInAnyOrderElementsOf(stale);
		Set<String> after = allKeys();
		assertThat(after).containsAll(kept)
			.contains("site/v/css/theirs-0123456789abcdef0123456789abcdef.css", "site/v/uploads/photo.png",
					"elsewhere/css/main-0123456789abcdef0123456789abcdef.css")
			.doesNotContainAnyElementsOf(stale);
		assertThat(result.generations()).isEqualTo(2);
	}

	@Test
	void deleteStaleKeepsObjectsYoungerThanMaxAge() {
		for (int version = 1; version <= 3; version++) {
			Sites.write(this.root, version);
			Sites.build(this.root);
			publish(options());
		}
		server.resetCounts();

		PublishResult result = publish(options().withRetention(new Retention(0, Duration.ofHours(1)), true));

		assertThat(result.deleted()).isEmpty();
		assertThat(server.deletes()).isEmpty();
		assertThat(result.generations()).isEqualTo(3);
	}

	@Test
	void aPublishKilledAfterItsManifestHasItsGenerationRecordedByTheNextSoItsObjectsAreKept() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		publish(options());
		Set<String> first = keys();
		Sites.write(this.root, 2);
		Sites.build(this.root);
		// the second publish dies once its manifest is up, before it writes the record
		ExecutionInterceptor dieAtTheRecord = new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				if (context.httpRequest().encodedPath().endsWith(".generations.json")
						&& context.httpRequest().method().name().equals("PUT")) {
					throw new IllegalStateException("killed");
				}
			}
		};
		try (S3Client dying = S3Clients.create(server.endpoint(), true, S3ProxyServer.REGION,
				(builder) -> builder.credentialsProvider(credentials())
					.overrideConfiguration((config) -> config.addExecutionInterceptor(dieAtTheRecord)))) {
			assertThatThrownBy(() -> publish(options(), Clock.systemUTC(), dying)).hasMessageContaining("killed");
		}
		Set<String> second = keys();
		Sites.write(this.root, 3);
		Sites.build(this.root);
		Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

		publish(options().withRetention(new Retention(1, Duration.ZERO), true), later, client);

		Set<String> left = allKeys();
		assertThat(left).as("the second build's objects: its manifest was live, so it is a kept generation")
			.containsAll(second);
		Set<String> onlyFirst = new TreeSet<>(first);
		onlyFirst.removeAll(second);
		assertThat(onlyFirst).isNotEmpty();
		assertThat(left).doesNotContainAnyElementsOf(onlyFirst);
	}

	@Test
	void aMissingBucketIsOneLineNamingIt() {
		assertThatThrownBy(() -> publish(PublishOptions.of(this.root, new S3Location("no-such-bucket", ""))))
			.isInstanceOf(AssetbustException.class)
			.hasMessageContaining("No manifest");
		Sites.write(this.root, 1);
		Sites.build(this.root);

		assertThatThrownBy(() -> publish(PublishOptions.of(this.root, new S3Location("no-such-bucket", ""))
			.withEndpoint(server.endpoint(), true))).isInstanceOf(
				AssetbustException.class)
			.hasMessageStartingWith("No bucket 'no-such-bucket' at " + server.endpoint())
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void refusedCredentialsAreOneLineSayingWhereCredentialsComeFrom() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		try (S3Client wrong = S3Clients.create(server.endpoint(), true, S3ProxyServer.REGION,
				(builder) -> builder.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
					.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
							"wrong-secret"))))) {
			assertThatThrownBy(() -> publish(options(), Clock.systemUTC(), wrong)).isInstanceOf(AssetbustException.class)
				.hasMessageContaining("refused the credentials listing s3://" + this.bucket + "/site/v/")
				.hasMessageContaining("SignatureDoesNotMatch")
				.hasMessageContaining("AWS_ACCESS_KEY_ID")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
		}
	}

	@Test
	void anUnreachableEndpointIsOneLineNamingIt() {
		Sites.write(this.root, 1);
		Sites.build(this.root);
		URI closed = URI.create("http://127.0.0.1:9");
		try (S3Client nowhere = S3Clients.create(closed, true, S3ProxyServer.REGION,
				(builder) -> builder.credentialsProvider(credentials()))) {
			assertThatThrownBy(() -> publish(options().withEndpoint(closed, true), Clock.systemUTC(), nowhere))
				.isInstanceOf(AssetbustException.class)
				.hasMessageStartingWith("Cannot reach http://127.0.0.1:9 listing s3://" + this.bucket + "/site/v/")
				.hasMessageContaining("ConnectException")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
		}
	}

	// --- helpers ---

	private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials() {
		return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
			.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
					S3ProxyServer.SECRET_KEY));
	}

	private HeadObjectResponse head(String path) {
		return client.headObject((request) -> request.bucket(this.bucket).key(this.to.key(path)));
	}

	/** The keys of the manifest's copies and variants now in the root, as published. */
	private Set<String> keys() {
		try {
			Manifest manifest = ManifestStore.read(this.root.resolve("asset-manifest.json"));
			Set<String> keys = new TreeSet<>();
			for (AssetPath copy : manifest.hashedPaths()) {
				keys.add(this.to.key(copy));
				if (Files.exists(this.root.resolve(Compression.GZIP.variantOf(copy).toString()))) {
					keys.add(this.to.key(Compression.GZIP.variantOf(copy)));
				}
			}
			return keys;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private Set<String> allKeys() {
		return client.listObjectsV2Paginator((request) -> request.bucket(this.bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private void putForeign(String key) {
		client.putObject((request) -> request.bucket(this.bucket).key(key), RequestBody.fromString("not ours"));
	}

	private static String unquoted(String etag) {
		return etag.replace("\"", "");
	}

	private static String md5(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

	private static List<String> concat(List<String> list, String... more) {
		List<String> all = new ArrayList<>(list);
		all.addAll(List.of(more));
		return all;
	}

}
