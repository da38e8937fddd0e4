package io.github.assetbust.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.DaemonThreads;
import io.github.assetbust.core.build.StateFile;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.manifest.ManifestStore;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.core.retention.AssetCleaner;
import io.github.assetbust.core.retention.Generations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Publishes a built asset root to a bucket, in an order that keeps every reader of the bucket
 * safe whenever the process dies:
 * <ol>
 * <li>one paginated listing of the prefix tells what is there;</li>
 * <li>every hashed copy the manifest lists, and its {@code .br}/{@code .gz} variants, that the
 * bucket lacks is uploaded, immutable, each checked against its md5;</li>
 * <li>only then the manifest, {@code no-cache}, so the bucket never holds a manifest that points at
 * a missing object;</li>
 * <li>then the generation record (a JSON object beside the manifest), with the bucket's previous
 * manifest recorded too, so a publish killed between the manifest and the record still has its
 * generation recorded by the next one;</li>
 * <li>with {@code deleteStale}, core's retention rule picks the objects of generations no longer
 * kept, they are deleted, and only then is the record without them written. Nothing a generation
 * does not list is ever deleted.</li>
 * </ol>
 * A publish killed at any point is completed by the next: what was uploaded is skipped, what was
 * not is uploaded, and the manifest goes last again. Publishing the same build again writes
 * nothing. Two publishes to the same prefix at once are not coordinated.
 */
public final class Publisher {

	private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

	private static final int DELETE_BATCH = 1000;

	private final S3Client client;

	private final PublishOptions options;

	private final Clock clock;

	private int listPageSize = 1000;

	/**
	 * @param client the client to publish through, from {@link S3Clients}; left open
	 * @param options what to publish where
	 * @param clock the time {@code max-age} and the record's generations are measured by
	 */
	public Publisher(S3Client client, PublishOptions options, Clock clock) {
		this.client = client;
		this.options = options;
		this.clock = clock;
	}

	/** Lists {@code pageSize} keys a request instead of S3's 1,000, so tests can see pages. */
	Publisher listPageSize(int pageSize) {
		this.listPageSize = pageSize;
		return this;
	}

	/**
	 * Publishes.
	 * @throws AssetbustException naming what was wrong: no manifest, a missing or changed local
	 * file, no bucket, refused credentials, an unreachable server
	 */
	public PublishResult publish() {
		long started = System.nanoTime();
		S3Location to = this.options.to();
		AssetRoot root = AssetRoot.existing(this.options.root());
		Path manifestFile = this.options.manifest().toAbsolutePath();
		Manifest manifest = readLocalManifest(manifestFile);
		String manifestKey = to.key(manifestFile.getFileName().toString());
		String recordKey = to.key(StateFile.GENERATIONS.fileName(manifestFile.getFileName().toString()));
		List<ObjectUpload> uploads = uploads(root, manifest);

		BucketListing listing = call("listing " + to + "/", () -> BucketListing.of(this.client, to, this.listPageSize));
		Generations record = listing.has(recordKey) ? readRecord(recordKey) : Generations.none();
		ObjectUpload manifestUpload = new ObjectUpload(manifestFile.getFileName().toString(), manifestFile, manifestKey,
				"application/json", null, ObjectUpload.NO_CACHE, null, null);
		Manifest previous = previousManifest(listing, manifestKey, manifestFile);

		List<String> uploaded = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger replaced = new AtomicInteger();
		AtomicInteger unchanged = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		run(uploads, listing, uploaded, replaced, unchanged, bytes);
		// the manifest goes last, when every object it points at is in the bucket
		run(List.of(manifestUpload), listing, uploaded, replaced, unchanged, bytes);
		boolean manifestUploaded = uploaded.contains(manifestKey);

		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Generations updated = record;
		if (previous != null && !previous.assets().isEmpty()) {
			Instant built = (previous.generated() != null) ? previous.generated() : listing.get(manifestKey).lastModified();
			updated = updated.record(new Generations.Generation(built, previous.hashedPaths()));
		}
		updated = updated.record(new Generations.Generation(now, manifest.hashedPaths()));

		List<String> deleted = List.of();
		long bytesDeleted = 0;
		Generations inBucket = record;
		if (this.options.deleteStale()) {
			BucketStore store = new BucketStore(listing, to);
			AssetCleaner.Result clean = new AssetCleaner(store, this.options.retention(), this.clock).removeStale(manifest,
					updated);
			deleted = store.doomed();
			bytesDeleted = clean.bytes();
			if (!this.options.dryRun()) {
				// first the record with this generation, so a kill while deleting leaves it on record
				inBucket = writeRecord(recordKey, inBucket, updated);
				delete(deleted);
			}
			updated = clean.generations();
		}
		if (!this.options.dryRun()) {
			writeRecord(recordKey, inBucket, updated);
		}
		return new PublishResult(uploaded, replaced.get(), unchanged.get(), bytes.get(), manifestKey, manifestUploaded,
				deleted, bytesDeleted, updated.list().size(), listing.pages(), this.options.dryRun(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private static Manifest readLocalManifest(Path file) {
		try {
			return ManifestStore.read(file);
		}
		catch (NoSuchFileException ex) {
			throw new AssetbustException("No manifest at " + file + ": build the root first, or name it with --manifest");
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read manifest " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * An upload for every hashed copy the manifest lists and each variant of it a build wrote. A
	 * copy missing from the root is an error before anything is uploaded: the manifest would point
	 * at an object that is not there.
	 */
	private List<ObjectUpload> uploads(AssetRoot root, Manifest manifest) {
		DigestAlgorithm algorithm = (manifest.algorithm() != null) ? manifest.algorithm() : DigestAlgorithm.MD5;
		S3Location to = this.options.to();
		List<ObjectUpload> uploads = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<AssetPath, ManifestEntry> asset : manifest.assets().entrySet()) {
			AssetPath copy = asset.getValue().path();
			if (root.file(copy) == null) {
				missing.add(copy.toString());
				continue;
			}
			String digest = HashedName.parseAny(copy).map(HashedName.Parsed::digest).orElse(null);
			String type = ContentTypes.of(asset.getKey());
			uploads.add(ObjectUpload.hashed(root.path(), copy, to, type, null, digest, algorithm));
			for (Compression compression : Compression.values()) {
				AssetPath variant = compression.variantOf(copy);
				if (root.file(variant) != null) {
					uploads.add(ObjectUpload.hashed(root.path(), variant, to, type, compression.id(), digest, algorithm));
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new AssetbustException("The manifest " + this.options.manifest() + " lists " + missing.size()
					+ " hashed cop" + ((missing.size() == 1) ? "y" : "ies") + " missing from " + root + ", such as "
					+ missing.get(0) + ": build again before publishing");
		}
		return uploads;
	}

	private void run(List<ObjectUpload> uploads, BucketListing listing, List<String> uploaded, AtomicInteger replaced,
			AtomicInteger unchanged, AtomicLong bytes) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.options.threads(), Math.max(1, uploads.size())),
				DaemonThreads.named("assetbust-publish"));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (ObjectUpload upload : uploads) {
				futures.add(pool.submit(() -> {
					ObjectUpload.Outcome outcome = call("uploading " + upload.name() + " to "
							+ this.options.to().uri(upload.key()), () -> {
								try {
									return upload.publish(this.client, this.options.to().bucket(),
											listing.get(upload.key()), this.options.dryRun(), bytes);
								}
								catch (IOException ex) {
									throw new AssetbustException("Cannot read " + upload.file() + ": " + ex.getMessage(),
											ex);
								}
							});
					switch (outcome) {
						case UNCHANGED -> unchanged.incrementAndGet();
						case REPLACED -> {
							replaced.incrementAndGet();
							uploaded.add(upload.key());
						}
						default -> uploaded.add(upload.key());
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssetbustException("Interrupted while uploading", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The manifest the bucket held before this publish, unless it is this one or cannot be read. */
	private Manifest previousManifest(BucketListing listing, String manifestKey, Path manifestFile) {
		BucketListing.Listed listed = listing.get(manifestKey);
		if (listed == null || listed.etag().equalsIgnoreCase(ObjectUpload.md5Hex(manifestFile))) {
			// none, or this very manifest: a re-publish
			return null;
		}
		String uri = this.options.to().uri(manifestKey);
		byte[] bytes = get(manifestKey, "reading the previous manifest " + uri);
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return ManifestStore.read(in, uri);
		}
		catch (IOException | AssetbustException ex) {
			// it is about to be replaced; its objects, not on record, are then never deleted
			logger.warn("Cannot read the previous manifest {}: {}; its hashed copies are not recorded, so they are "
					+ "never deleted", uri, ex.getMessage());
			return null;
		}
	}

	private Generations readRecord(String recordKey) {
		String uri = this.options.to().uri(recordKey);
		byte[] bytes = get(recordKey, "reading the generation record " + uri);
		return Generations.read(new ByteArrayInputStream(bytes), uri);
	}

	/** Writes {@code record} to the bucket unless it holds that already; returns what it holds. */
	private Generations writeRecord(String recordKey, Generations inBucket, Generations record) {
		if (record.equals(inBucket)) {
			return inBucket;
		}
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		try {
			record.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] bytes = json.toByteArray();
		call("writing the generation record " + this.options.to().uri(recordKey),
				() -> this.client.putObject(PutObjectRequest.builder()
					.bucket(this.options.to().bucket())
					.key(recordKey)
					.contentType("application/json")
					.cacheControl(ObjectUpload.NO_CACHE)
					.contentMD5(ObjectUpload.base64Md5(bytes))
					.build(), RequestBody.fromBytes(bytes)));
		return record;
	}

	private void delete(List<String> keys) {
		for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
			List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))
				.stream()
				.map((key) -> ObjectIdentifier.builder().key(key).build())
				.toList();
			DeleteObjectsResponse response = call("deleting stale objects under " + this.options.to(),
					() -> this.client.deleteObjects((request) -> request.bucket(this.options.to().bucket())
						.delete(Delete.builder().objects(batch).quiet(true).build())));
			if (response.hasErrors() && !response.errors().isEmpty()) {
				var error = response.errors().get(0);
				throw new AssetbustException("Could not delete " + response.errors().size() + " stale objects, such as "
						+ this.options.to().uri(error.key()) + ": " + error.code() + " (" + error.message()
						+ "); the generation record still lists them, so the next publish tries again");
			}
		}
	}

	private byte[] get(String key, String doing) {
		return call(doing, () -> this.client.getObject(
				GetObjectRequest.builder().bucket(this.options.to().bucket()).key(key).build(),
				ResponseTransformer.toBytes())
			.asByteArray());
	}

	private <T> T call(String doing, SdkCall<T> call) {
		try {
			return call.call();
		}
		catch (SdkException ex) {
			throw S3Failures.describe(ex, doing, this.options.to(), this.options.server());
		}
	}

	@FunctionalInterface
	private interface SdkCall<T> {

		T call();

	}

}
