package io.github.assetbust.s3;

import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.retention.AssetCleaner;

/**
 * The hashed copies in a bucket, as the listing found them, for {@link AssetCleaner}'s retention
 * rule. Ages are the objects' {@code LastModified}: a publish never rewrites an object that has
 * the right bytes, so that is when it was first published. Deleting only notes the key: the
 * publisher deletes them all in a few DeleteObjects requests once the rule has run, and writes
 * the record that no longer lists them only after that succeeded.
 */
final class BucketStore implements AssetCleaner.Store {

	private final BucketListing listing;

	private final S3Location location;

	private final List<String> doomed = new ArrayList<>();

	BucketStore(BucketListing listing, S3Location location) {
		this.listing = listing;
		this.location = location;
	}

	@Override
	public Instant lastModified(AssetPath file) {
		BucketListing.Listed listed = this.listing.get(this.location.key(file));
		return (listed != null) ? listed.lastModified() : null;
	}

	@Override
	public long delete(AssetPath file) throws NoSuchFileException {
		String key = this.location.key(file);
		BucketListing.Listed listed = this.listing.get(key);
		if (listed == null) {
			throw new NoSuchFileException(key);
		}
		this.doomed.add(key);
		return listed.size();
	}

	/** The keys the rule deleted, in the order it did. */
	List<String> doomed() {
		return Collections.unmodifiableList(this.doomed);
	}

}
