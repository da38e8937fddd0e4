package io.github.assetbust.s3;

import java.util.regex.Pattern;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;

/**
 * Where a publish goes: {@code s3://BUCKET[/PREFIX]}. Every object it writes has a key under
 * the prefix, so that {@code https://cdn.example.com/PREFIX/css/main-<digest>.css} is the
 * manifest's path with the CDN origin and the prefix in front, which is exactly what
 * {@code assetbust.url-prefix} puts before it.
 * @param bucket the bucket's name
 * @param prefix the folder inside it, without a leading or trailing {@code /}; empty for the top
 */
public record S3Location(String bucket, String prefix) {

	/** S3's rule for new bucket names: 3 to 63 lower-case letters, digits, dots and hyphens. */
	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	public S3Location {
		if (!BUCKET.matcher(bucket).matches()) {
			throw new AssetbustException("'" + bucket + "' is not a bucket name: use 3 to 63 lower-case letters, "
					+ "digits, dots and hyphens");
		}
		for (String segment : prefix.isEmpty() ? new String[0] : prefix.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new AssetbustException("'" + prefix + "' is not a key prefix: no empty, '.' or '..' parts");
			}
		}
	}

	/**
	 * Reads {@code s3://BUCKET[/PREFIX]}; a trailing {@code /} is ignored.
	 * @throws AssetbustException saying what is wrong with it
	 */
	public static S3Location parse(String uri) {
		if (!uri.startsWith("s3://")) {
			throw new AssetbustException("'" + uri + "' is not an s3:// location: use s3://BUCKET or s3://BUCKET/PREFIX");
		}
		String rest = uri.substring("s3://".length());
		while (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		int slash = rest.indexOf('/');
		return (slash < 0) ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
	}

	/** The key of the file at {@code path} relative to the asset root. */
	public String key(AssetPath path) {
		return key(path.toString());
	}

	/** The key of {@code name}, a root-relative path. */
	public String key(String name) {
		return this.prefix.isEmpty() ? name : this.prefix + "/" + name;
	}

	/** What every key this location holds starts with: the prefix and a {@code /}, or nothing. */
	public String keyPrefix() {
		return this.prefix.isEmpty() ? "" : this.prefix + "/";
	}

	/** {@code s3://bucket/key}, for messages. */
	public String uri(String key) {
		return "s3://" + this.bucket + "/" + key;
	}

	@Override
	public String toString() {
		return "s3://" + this.bucket + (this.prefix.isEmpty() ? "" : "/" + this.prefix);
	}

}
