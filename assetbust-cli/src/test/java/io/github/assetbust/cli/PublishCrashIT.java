package io.github.assetbust.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.s3.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code publish} killed with SIGKILL at any instant never leaves the bucket with a manifest
 * that points at a missing object, never loses an object of the generation that was live before
 * it (kept by {@code --keep 1} while {@code --delete-stale} runs), and the next publish completes
 * it: afterwards the bucket's manifest is the local one, byte for byte, with every object.
 * <p>
 * Each round changes some files of a few hundred, builds in this JVM, starts
 * {@code java -jar assetbust-cli.jar publish --delete-stale --keep 1 --max-age 0} against S3Proxy
 * and kills it at an instant drawn from a seeded {@link Random}: a quarter over the whole measured
 * duration of an uninterrupted publish, a quarter over its last third, a quarter within 10 ms of the
 * moment the test sees the first new copy in the bucket, while the others upload, and a quarter
 * within 40 ms of the moment it sees the new manifest, when the record is written and stale
 * objects deleted (stretches too short for a draw over the whole publish to land in reliably). Isolated, because the instants mean little on a machine busy with
 * other tests.
 */
@Isolated("kill instants are drawn from the timing of a publish on a machine running nothing else")
@EnabledOnOs(value = OS.LINUX, disabledReason = "SIGKILL, and the exit status 128 + 9 the JDK reports for it")
class PublishCrashIT {

	static final int KILLS = 24;

	static final long SEED = 20261201L;

	static final int CHANGES = 12;

	static final int KILLED_BY_SIGKILL = 128 + 9;

	static final String BUCKET = "crash";

	static final String MANIFEST_KEY = "site/asset-manifest.json";

	private static final Pattern MD5_IN_NAME = Pattern.compile("-([0-9a-f]{32})(?:\\.[^./]+)?$");

	static S3ProxyServer server;

	static S3Client client;

	@TempDir
	Path work;

	@BeforeAll
	static void startServer() {
		server = S3ProxyServer.start().createBucket(BUCKET);
		client = server.client();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@Test
	void aPublishKilledAtAnyInstantLeavesAManifestWhoseObjectsAreAllThereAndTheNextCompletesIt() {
		long testStart = System.nanoTime();
		Random random = new Random(SEED);
		Path root = this.work.resolve("site");
		Map<String, byte[]> originals = new TreeMap<>(Trees.siteWithMedia(SEED, 3, 12, 256 * 1024));
		Trees.write(root, originals);
		build(root);
		publish().finish(Duration.ofSeconds(60)).exits(0);

		// the shortest of the latest uninterrupted publishes: instants past it would mostly find it finished
		List<Long> durations = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Trees.change(root, originals, random, CHANGES);
			build(root);
			Cli.Started publish = publish();
			publish.finish(Duration.ofSeconds(60)).exits(0);
			durations.add(publish.age().toNanos());
		}

		int killed = 0;
		int finished = 0;
		int newManifestLeft = 0;
		int midUpload = 0;
		List<Long> instants = new ArrayList<>();
		for (int attempt = 0; killed < KILLS; attempt++) {
			assertThat(finished).as("publishes that finished before their kill instant").isLessThan(KILLS);
			Trees.change(root, originals, random, CHANGES);
			build(root);
			byte[] live = bucketManifest();
			Manifest liveManifest = parse(live);
			long total = durations.subList(Math.max(0, durations.size() - 5), durations.size())
				.stream()
				.mapToLong(Long::longValue)
				.min()
				.orElseThrow();
			boolean afterManifest = attempt % 4 == 3;
			boolean afterFirstCopy = attempt % 4 == 2;
			long killAt = switch (attempt % 4) {
				case 0 -> (long) (random.nextDouble() * total);
				case 1 -> total * 2 / 3 + (long) (random.nextDouble() * total / 3);
				// timed from the moment the first new copy is in the bucket: while the others upload
				case 2 -> TimeUnit.MILLISECONDS.toNanos(random.nextInt(10));
				// timed from the moment the new manifest is in the bucket: the record and the deletes
				default -> TimeUnit.MILLISECONDS.toNanos(random.nextInt(40));
			};
			String liveEtag = manifestEtag();
			Set<String> newCopies = new TreeSet<>();
			parse(bytes(root.resolve("asset-manifest.json"))).hashedPaths().forEach((copy) -> newCopies.add("site/" + copy));
			newCopies.removeAll(listing().keySet());

			Cli.Started publish = publish();
			long deadline = (afterManifest || afterFirstCopy) ? Long.MAX_VALUE : killAt;
			while (publish.age().toNanos() < deadline && publish.process().isAlive()) {
				if (deadline == Long.MAX_VALUE && (afterManifest ? !liveEtag.equals(manifestEtag())
						: listing().keySet().stream().anyMatch(newCopies::contains))) {
					deadline = publish.age().toNanos() + killAt;
				}
				sleepBriefly();
			}
			long ran = publish.age().toNanos();
			publish.process().destroyForcibly();
			Cli.Run run = publish.finish(Duration.ofSeconds(60));
			String when = "attempt " + attempt + ", kill at " + TimeUnit.NANOSECONDS.toMillis(killAt) + " ms";
			if (run.exitCode() != KILLED_BY_SIGKILL) {
				run.exits(0);
				finished++;
				durations.add(ran);
				continue;
			}
			killed++;
			instants.add(TimeUnit.NANOSECONDS.toMillis(killAt));

			Map<String, String> listed = listing();
			byte[] after = bucketManifest();
			assertThat(after).as("%s: a manifest is in the bucket", when).isNotNull();
			everyObjectThere(parse(after), listed, when + ": the bucket's manifest");
			everyObjectThere(liveManifest, listed, when + ": the manifest live before the publish (kept by --keep 1)");
			boolean oldManifest = java.util.Arrays.equals(after, live);
			newManifestLeft += oldManifest ? 0 : 1;
			long uploaded = newCopies.stream().filter(listed::containsKey).count();
			midUpload += (oldManifest && uploaded > 0 && uploaded < newCopies.size()) ? 1 : 0;

			publish().finish(Duration.ofSeconds(60)).exits(0);
			byte[] completed = bucketManifest();
			assertThat(completed).as("%s, then published again: the local manifest", when)
				.isEqualTo(bytes(root.resolve("asset-manifest.json")));
			Map<String, String> listedAfter = listing();
			everyObjectThere(parse(completed), listedAfter, when + ", then published again");
			everyObjectThere(liveManifest, listedAfter, when + ", then published again: the previous generation");
		}
		System.out.printf("PublishCrashIT: %d publishes killed with SIGKILL, %d of them after the new manifest was up, "
				+ "%d between the first and the last new copy's upload; "
				+ "%d finished before their kill instant; the first uninterrupted publish took %d ms; kills at %s ms; %d s in all.%n",
				killed, newManifestLeft, midUpload, finished, TimeUnit.NANOSECONDS.toMillis(durations.get(0)), instants,
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStart));
		assertThat(newManifestLeft).as("kills after the new manifest was up").isPositive();
		assertThat(midUpload).as("kills between the first and the last new copy's upload").isPositive();
		assertThat(newManifestLeft).as("kills before the new manifest was up").isLessThan(killed);
	}

	private Cli.Started publish() {
		List<String> command = Cli.command("publish", "--root", "site", "--to", "s3://" + BUCKET + "/site", "--endpoint",
				server.endpoint().toString(), "--path-style", "--delete-stale", "--keep", "1", "--max-age", "0");
		return Cli.start(this.work, command, PublishIT.credentials());
	}

	private static void build(Path root) {
		new AssetBuilder(BuildOptions.forRoot(root).withCompress(Set.of(Compression.GZIP))).build();
	}

	/** Every hashed copy {@code manifest} lists has an object whose ETag is the md5 in its name. */
	private static void everyObjectThere(Manifest manifest, Map<String, String> listed, String what) {
		for (AssetPath copy : manifest.hashedPaths()) {
			String key = "site/" + copy;
			assertThat(listed).as("%s: %s", what, key).containsKey(key);
			Matcher md5 = MD5_IN_NAME.matcher(copy.toString());
			assertThat(md5.find()).isTrue();
			assertThat(listed.get(key)).as("%s: ETag of %s", what, key).isEqualTo(md5.group(1));
		}
	}

	private static String manifestEtag() {
		return client.headObject((request) -> request.bucket(BUCKET).key(MANIFEST_KEY)).eTag();
	}

	private static Map<String, String> listing() {
		return client.listObjectsV2Paginator((request) -> request.bucket(BUCKET))
			.contents()
			.stream()
			.collect(Collectors.toMap(S3Object::key, (object) -> object.eTag().replace("\"", "")));
	}

	private static byte[] bucketManifest() {
		try {
			return client.getObject((request) -> request.bucket(BUCKET).key(MANIFEST_KEY), ResponseTransformer.toBytes())
				.asByteArray();
		}
		catch (NoSuchKeyException ex) {
			return null;
		}
	}

	private static Manifest parse(byte[] manifest) {
		try {
			return ManifestStore.read(new ByteArrayInputStream(manifest), MANIFEST_KEY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
