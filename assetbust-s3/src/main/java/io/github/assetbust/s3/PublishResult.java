package io.github.assetbust.s3;

import java.time.Duration;
import java.util.List;

/**
 * What a publish did (or, in a dry run, would do).
 * @param uploaded keys written, the manifest's included, in no particular order
 * @param replaced of those, keys that held other bytes before
 * @param unchanged objects already in the bucket with the right bytes
 * @param bytesUploaded the bytes of the uploaded objects
 * @param manifestKey the manifest's key
 * @param manifestUploaded whether the manifest was written (a re-publish of the same build writes nothing)
 * @param deleted keys of stale generations deleted
 * @param bytesDeleted their bytes
 * @param generations generations on record in the bucket afterwards
 * @param listingPages ListObjectsV2 requests the listing took
 * @param dryRun whether nothing was written or deleted
 * @param duration how long it took
 */
public record PublishResult(List<String> uploaded, int replaced, int unchanged, long bytesUploaded, String manifestKey,
		boolean manifestUploaded, List<String> deleted, long bytesDeleted, int generations, int listingPages,
		boolean dryRun, Duration duration) {

	public PublishResult {
		uploaded = List.copyOf(uploaded);
		deleted = List.copyOf(deleted);
	}

}
