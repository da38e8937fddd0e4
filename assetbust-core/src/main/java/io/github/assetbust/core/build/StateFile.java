package io.github.assetbust.core.build;

import java.nio.file.Path;

/**
 * The files in which a build keeps what it knows between runs, named after the manifest and
 * hidden ({@code .asset-manifest.json.cache.json}), so that nothing serves them.
 */
public enum StateFile {

	/** What the last build learnt of each source file, to skip unchanged ones. */
	CACHE("cache.json"),

	/** Which hashed copies each build generated, for retention. */
	GENERATIONS("generations.json"),

	/** How the last build left the tree, so that a build finding it so does nothing. */
	UP_TO_DATE("up-to-date.properties"),

	/** The lock two builds of one tree take turns on. */
	LOCK("lock");

	private final String suffix;

	StateFile(String suffix) {
		this.suffix = suffix;
	}

	/** This file beside {@code manifest}, where a build with the default state folder keeps it. */
	public Path beside(Path manifest) {
		return in(manifest.toAbsolutePath().getParent(), manifest);
	}

	/** This file of the build of {@code manifest}, kept in {@code folder}. */
	public Path in(Path folder, Path manifest) {
		return folder.resolve(fileName(manifest.getFileName().toString()));
	}

	/**
	 * The name of this file for a manifest named {@code manifestName}, for stores that are not a
	 * file system, such as a bucket's generation record beside its manifest.
	 */
	public String fileName(String manifestName) {
		return "." + manifestName + "." + this.suffix;
	}

}
