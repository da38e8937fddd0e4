package io.github.assetbust.s3;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for tests: S3Proxy on loopback, over jclouds' in-memory store, with AWS
 * signature checking (v2 or v4) against {@link #ACCESS_KEY} / {@link #SECRET_KEY}, and CORS open
 * to every origin for GET and HEAD, as a bucket behind a CDN is set up for fonts and module
 * scripts. It counts the store operations the S3 requests turn into, so tests can tell how many
 * listings and uploads a publish made from the server's side. Shared with the tests of the CLI,
 * the Maven goal and the sample app through this module's test jar.
 */
public final class S3ProxyServer implements AutoCloseable {

	public static final String ACCESS_KEY = "assetbust-test";

	public static final String SECRET_KEY = "assetbust-test-secret";

	public static final String REGION = "us-east-1";

	/** Servers a build script started, by name, for the script that runs after it. */
	private static final Map<String, S3ProxyServer> REGISTERED = new ConcurrentHashMap<>();

	private final S3Proxy proxy;

	private final CountingBlobStore store;

	private final URI endpoint;

	private S3ProxyServer(S3Proxy proxy, CountingBlobStore store) {
		this.proxy = proxy;
		this.store = store;
		this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	/** Starts a server on a free loopback port. */
	public static S3ProxyServer start() {
		BlobStore memory = ContextBuilder.newBuilder(new TransientApiMetadata())
			.credentials("identity", "credential")
			.buildView(BlobStoreContext.class)
			.getBlobStore();
		CountingBlobStore store = new CountingBlobStore(memory);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(store)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD"), List.of("*"), List.of(),
					"false"))
			.build();
		try {
			proxy.start();
			while (!"STARTED".equals(proxy.getState())) {
				Thread.sleep(10);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
		return new S3ProxyServer(proxy, store);
	}

	/**
	 * Remembers this server under {@code name}, so that a later script in the same JVM (an
	 * invoker IT's verify script, after its pre-build script started it) can stop it.
	 */
	public S3ProxyServer register(String name) {
		REGISTERED.put(name, this);
		return this;
	}

	/** Stops and forgets the server registered under {@code name}, if there is one. */
	public static void stopRegistered(String name) {
		S3ProxyServer server = REGISTERED.remove(name);
		if (server != null) {
			server.close();
		}
	}

	/** {@code http://127.0.0.1:PORT}: address buckets path-style, {@code endpoint/bucket/key}. */
	public URI endpoint() {
		return this.endpoint;
	}

	/** Creates {@code bucket}. */
	public S3ProxyServer createBucket(String bucket) {
		this.store.delegate().createContainerInLocation(null, bucket);
		return this;
	}

	/**
	 * Lets anyone read {@code bucket}'s objects without signing, as a bucket policy does for a
	 * CDN's origin: every object, whatever ACL it was written with (publish writes none).
	 */
	public S3ProxyServer publicRead(String bucket) {
		this.store.delegate().setContainerAccess(bucket, ContainerAccess.PUBLIC_READ);
		this.store.publicBuckets.add(bucket);
		return this;
	}

	/** The in-memory store behind the server, to put foreign objects in or look at what is there. */
	public BlobStore store() {
		return this.store.delegate();
	}

	/** A client with the server's credentials, for looking at the bucket the way S3 users do. */
	public S3Client client() {
		return S3Clients.create(this.endpoint, true, REGION, (builder) -> builder.credentialsProvider(
				StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))));
	}

	/** Object listings served since the last {@link #resetCounts()}. */
	public int listings() {
		return this.store.listings.size();
	}

	/** Keys written since the last {@link #resetCounts()}. */
	public List<String> puts() {
		return List.copyOf(this.store.puts);
	}

	/** Keys deleted since the last {@link #resetCounts()}. */
	public List<String> deletes() {
		return List.copyOf(this.store.deletes);
	}

	public void resetCounts() {
		this.store.listings.clear();
		this.store.puts.clear();
		this.store.deletes.clear();
	}

	@Override
	public void close() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not stop", ex);
		}
	}

	/** The store, counting what S3Proxy asks of it. */
	private static final class CountingBlobStore extends ForwardingBlobStore {

		final List<String> listings = new CopyOnWriteArrayList<>();

		final List<String> puts = new CopyOnWriteArrayList<>();

		final List<String> deletes = new CopyOnWriteArrayList<>();

		final Set<String> publicBuckets = ConcurrentHashMap.newKeySet();

		CountingBlobStore(BlobStore delegate) {
			super(delegate);
		}

		@Override
		public BlobStore delegate() {
			return super.delegate();
		}

		@Override
		public BlobAccess getBlobAccess(String container, String name) {
			return this.publicBuckets.contains(container) ? BlobAccess.PUBLIC_READ
					: super.getBlobAccess(container, name);
		}

		@Override
		public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
			this.listings.add(container);
			return super.list(container, options);
		}

		@Override
		public String putBlob(String container, Blob blob) {
			this.puts.add(blob.getMetadata().getName());
			return super.putBlob(container, blob);
		}

		@Override
		public String putBlob(String container, Blob blob, PutOptions options) {
			this.puts.add(blob.getMetadata().getName());
			return super.putBlob(container, blob, options);
		}

		@Override
		public void removeBlob(String container, String name) {
			this.deletes.add(name);
			super.removeBlob(container, name);
		}

		@Override
		public void removeBlobs(String container, Iterable<String> names) {
			names.forEach(this.deletes::add);
			super.removeBlobs(container, names);
		}

	}

}
