package io.github.assetbust.s3;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every object under a location's prefix, from one paginated ListObjectsV2: what a publish needs
 * to skip what is there and to age what it may delete, without a request per file.
 * @param objects by key
 * @param pages how many ListObjectsV2 requests the listing took
 */
record BucketListing(Map<String, Listed> objects, int pages) {

	BucketListing {
		objects = Collections.unmodifiableMap(objects);
	}

	/**
	 * One listed object.
	 * @param etag its ETag, without quotes: the md5 of its bytes if it was uploaded in one part
	 * @param size its size in bytes
	 * @param lastModified when it was written
	 */
	record Listed(String etag, long size, Instant lastModified) {
	}

	/** Lists everything under {@code location}'s prefix, {@code pageSize} keys a request. */
	static BucketListing of(S3Client client, S3Location location, int pageSize) {
		Map<String, Listed> objects = new HashMap<>();
		int pages = 0;
		String token = null;
		do {
			ListObjectsV2Response page = client.listObjectsV2(ListObjectsV2Request.builder()
				.bucket(location.bucket())
				.prefix(location.keyPrefix())
				.maxKeys(pageSize)
				.continuationToken(token)
				.build());
			pages++;
			for (S3Object object : page.contents()) {
				objects.put(object.key(), new Listed(unquoted(object.eTag()), object.size(), object.lastModified()));
			}
			token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
		}
		while (token != null);
		return new BucketListing(objects, pages);
	}

	Listed get(String key) {
		return this.objects.get(key);
	}

	boolean has(String key) {
		return this.objects.containsKey(key);
	}

	static String unquoted(String etag) {
		if (etag == null) {
			return "";
		}
		String value = etag.strip();
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
