package io.github.assetbust.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.path.AssetPath;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * One file to put under one key, with the headers it is served with. It is uploaded only when
 * the bucket does not already hold those bytes there: the listing's ETag, the md5 of a
 * single-part upload, says whether it does. A hashed copy whose bytes do not have the digest in
 * its name is never uploaded: its URL would be cached for a year with the wrong content.
 * @param name the file's path relative to the asset root, for messages
 * @param file the file
 * @param key its key
 * @param contentType the type it is served with (of the original, for a compressed variant)
 * @param contentEncoding {@code gzip} or {@code br} for a precompressed variant, else {@code null}
 * @param cacheControl the {@code Cache-Control} it is served with
 * @param nameDigest the hex digest its name carries (a hashed copy), or {@code null}
 * @param algorithm the digest of {@code nameDigest}
 */
record ObjectUpload(String name, Path file, String key, String contentType, String contentEncoding,
		String cacheControl, String nameDigest, DigestAlgorithm algorithm) {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String NO_CACHE = "no-cache";

	/** What became of an upload. */
	enum Outcome {

		/** The bucket had these bytes under the key already. */
		UNCHANGED,
		/** The key was not there, and now holds the file. */
		UPLOADED,
		/** The key held other bytes (an ETag that is not the file's md5), and now holds the file. */
		REPLACED,
		/** A dry run: the key would have been written. */
		WOULD_UPLOAD

	}

	/** A hashed copy, or one of its precompressed variants, served immutable. */
	static ObjectUpload hashed(Path root, AssetPath path, S3Location to, String contentType, String contentEncoding,
			String nameDigest, DigestAlgorithm algorithm) {
		return new ObjectUpload(path.toString(), path.resolveAgainst(root), to.key(path), contentType, contentEncoding,
				IMMUTABLE, nameDigest, algorithm);
	}

	/** Whether the md5 of the bytes is known without reading them: a full md5 in the name of a copy. */
	private String md5FromName() {
		return (this.nameDigest != null && this.contentEncoding == null && this.algorithm == DigestAlgorithm.MD5
				&& this.nameDigest.length() == 32) ? this.nameDigest : null;
	}

	/**
	 * Puts the file under its key unless {@code listed} says the bucket has these bytes there.
	 * @param listed what the listing found under the key, or {@code null}
	 * @throws AssetbustException if the file's bytes are not what its name says, or the bucket
	 * answers with an ETag that is not their md5
	 */
	Outcome publish(S3Client client, String bucket, BucketListing.Listed listed, boolean dryRun, AtomicLong bytes)
			throws IOException {
		String known = md5FromName();
		if (listed != null && known != null && listed.etag().equalsIgnoreCase(known)) {
			return Outcome.UNCHANGED;
		}
		Digests digests = digests();
		if (listed != null && listed.etag().equalsIgnoreCase(digests.md5Hex())) {
			return Outcome.UNCHANGED;
		}
		if (dryRun) {
			return Outcome.WOULD_UPLOAD;
		}
		PutObjectRequest.Builder request = PutObjectRequest.builder()
			.bucket(bucket)
			.key(this.key)
			.contentType(this.contentType)
			.cacheControl(this.cacheControl)
			.contentLength(digests.size())
			.contentMD5(Base64.getEncoder().encodeToString(digests.md5()));
		if (this.contentEncoding != null) {
			request.contentEncoding(this.contentEncoding);
		}
		PutObjectResponse response = client.putObject(request.build(), RequestBody.fromFile(this.file));
		String etag = BucketListing.unquoted(response.eTag());
		if (!etag.equalsIgnoreCase(digests.md5Hex())) {
			throw new AssetbustException("The bucket answered the upload of " + this.name + " to s3://" + bucket + "/"
					+ this.key + " with ETag " + etag + ", not the md5 of its bytes, " + digests.md5Hex()
					+ " (a bucket with SSE-KMS or SSE-C encryption answers ETags that are not md5s)");
		}
		bytes.addAndGet(digests.size());
		return (listed != null) ? Outcome.REPLACED : Outcome.UPLOADED;
	}

	/** The md5 of the file, and a check that a hashed copy's bytes have the digest in its name. */
	private Digests digests() throws IOException {
		MessageDigest md5 = newDigest("MD5");
		MessageDigest named = (this.nameDigest != null && this.contentEncoding == null
				&& this.algorithm != DigestAlgorithm.MD5) ? this.algorithm.newDigest() : null;
		long size = 0;
		try (InputStream in = Files.newInputStream(this.file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				md5.update(buffer, 0, read);
				if (named != null) {
					named.update(buffer, 0, read);
				}
				size += read;
			}
		}
		byte[] md5Bytes = md5.digest();
		String md5Hex = HexFormat.of().formatHex(md5Bytes);
		if (this.nameDigest != null && this.contentEncoding == null) {
			String actual = (named != null) ? HexFormat.of().formatHex(named.digest()) : md5Hex;
			if (!actual.startsWith(this.nameDigest)) {
				throw new AssetbustException(this.file + " does not have the digest its name carries: its "
						+ this.algorithm.id() + " is " + actual + "; it changed after the build, so build again before "
						+ "publishing");
			}
		}
		return new Digests(md5Bytes, md5Hex, size);
	}

	/** The hex md5 of {@code file}'s bytes. */
	static String md5Hex(Path file) {
		try {
			return HexFormat.of().formatHex(newDigest("MD5").digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The base64 md5 of {@code bytes}, for a {@code Content-MD5} header. */
	static String base64Md5(byte[] bytes) {
		return Base64.getEncoder().encodeToString(newDigest("MD5").digest(bytes));
	}

	private static MessageDigest newDigest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is missing from this JVM", ex);
		}
	}

	private record Digests(byte[] md5, String md5Hex, long size) {
	}

}
