package io.github.assetbust.s3;

import java.time.Duration;
import java.util.List;

import io.github.assetbust.core.Counts;

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

	/** One line, as the CLI and the goal print it: uploaded, unchanged, the manifest, deleted, the record, listing requests, time. */
	public String summary() {
		String done = this.dryRun ? " to upload" : " uploaded";
		StringBuilder line = new StringBuilder(this.dryRun ? "dry run: " : "");
		line.append(Counts.of(this.uploaded.size(), "object", "objects")).append(done);
		line.append(" (").append(Counts.of(this.bytesUploaded, "byte", "bytes"));
		if (this.replaced > 0) {
			line.append(", ").append(Counts.number(this.replaced)).append(" replacing other bytes");
		}
		line.append("), ").append(Counts.number(this.unchanged)).append(" unchanged, manifest ");
		line.append(this.manifestUploaded ? done.strip() : "unchanged").append(", ");
		line.append(Counts.of(this.deleted.size(), "stale object", "stale objects"));
		line.append(this.dryRun ? " to delete (" : " deleted (");
		line.append(Counts.of(this.bytesDeleted, "byte", "bytes")).append("), ");
		line.append(Counts.of(this.generations, "generation", "generations")).append(" on record, ");
		line.append(Counts.of(this.listingPages, "listing request", "listing requests")).append(", in ");
		line.append(this.duration.toMillis()).append(" ms");
		return line.toString();
	}

}
