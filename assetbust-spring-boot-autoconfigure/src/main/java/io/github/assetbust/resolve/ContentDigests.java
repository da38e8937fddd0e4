package io.github.assetbust.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.assetbust.core.digest.Digest;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.digest.Digester;
import io.github.assetbust.core.files.FileStamp;

import org.springframework.core.io.Resource;

/**
 * The md5 digests of live files, each remembered until its file changes: asking again costs a
 * stat, and a changed file is read once more. The integrity value is computed on the first request
 * for it. A file counts as changed when its size, modification time or (on disk) inode does, so
 * an editor that saves in place and one that renames a new file over the old are both seen.
 */
public final class ContentDigests {

	/** Dynamic mode always names files by md5, whatever {@code assetbust.build.algorithm} says. */
	public static final DigestAlgorithm ALGORITHM = DigestAlgorithm.MD5;

	private final Digester digester = new Digester(ALGORITHM);

	private final Map<Resource, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * The digest of what {@code resource} holds now.
	 * @param withIntegrity whether the digest must carry the SHA-384 integrity value as well
	 */
	public Digest digest(Resource resource, boolean withIntegrity) throws IOException {
		// the stamp is taken before reading, so a change while reading is seen on the next call
		Object stamp = stamp(resource);
		Entry entry = this.entries.get(resource);
		if (entry != null && entry.stamp().equals(stamp) && (!withIntegrity || entry.digest().integrity() != null)) {
			return entry.digest();
		}
		Digest digest;
		try (InputStream in = resource.getInputStream()) {
			digest = this.digester.digest(in, withIntegrity);
		}
		this.entries.put(resource, new Entry(stamp, digest));
		return digest;
	}

	/**
	 * The md5 of {@code resource} as an entity tag, so that a client revalidating a plain URL gets a
	 * 304 until the file changes; {@code null} if it cannot be read.
	 */
	public String etag(Resource resource) {
		try {
			return digest(resource, false).hex();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Object stamp(Resource resource) throws IOException {
		if (resource.isFile()) {
			String stamp = FileStamp.of(resource.getFile().toPath());
			if (stamp == null) {
				throw new IOException("Cannot read " + resource.getDescription());
			}
			return stamp;
		}
		return List.of(resource.contentLength(), resource.lastModified());
	}

	private record Entry(Object stamp, Digest digest) {
	}

}
