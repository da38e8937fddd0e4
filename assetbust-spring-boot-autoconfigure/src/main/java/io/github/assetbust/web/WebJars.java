package io.github.assetbust.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.assetbust.core.path.Urls;

import org.springframework.core.io.ResourceLoader;

/**
 * The WebJars on the class path, whose files Spring Boot serves under {@code /webjars/**}: the
 * versioned URL of a file ({@code /webjars/bootstrap/5.3.8/css/bootstrap.min.css} for
 * {@code webjars/bootstrap/css/bootstrap.min.css}), and whether a request path is one. A WebJar's
 * version is a content version already (a released version never changes), so a versioned URL is
 * as stable as a hashed one, keeps the relative references inside the WebJar's CSS working as they
 * are, and needs no copy; a version-less URL names whatever version is deployed, and is never one.
 */
public final class WebJars {

	/** Where WebJars keep their files: {@code webjars/<name>/<version>/...} under it. */
	public static final String LOCATION = "classpath:/META-INF/resources/";

	private static final String FOLDER = "webjars/";

	/** Paths remembered, as template lookups repeat: enough for any site, bounded against any input. */
	private static final int MAX_REMEMBERED = 10_000;

	private static final String NONE = "";

	private final Function<String, String> versions;

	private final AssetLocations files;

	private final Map<String, String> urlPaths = new ConcurrentHashMap<>();

	/**
	 * @param versions the version of the WebJar of a name on the class path, or {@code null}
	 * (as webjars-locator-lite's {@code WebJarVersionLocator::version} finds it)
	 * @param resourceLoader reads the class path
	 */
	public WebJars(Function<String, String> versions, ResourceLoader resourceLoader) {
		this.versions = versions;
		this.files = AssetLocations.of(List.of(LOCATION), resourceLoader);
	}

	/** Whether {@code path} names a WebJar file: {@code webjars/...} or {@code /webjars/...}. */
	public static boolean names(String path) {
		return path.startsWith(FOLDER) || (path.startsWith("/") && path.startsWith(FOLDER, 1));
	}

	/**
	 * The root-relative, percent-encoded URL path of a WebJar file named as a template writes it,
	 * with or without its version and leading {@code /} ({@code webjars/bootstrap/css/x.css},
	 * {@code /webjars/bootstrap/5.3.8/css/x.css}): {@code /webjars/bootstrap/5.3.8/css/x.css}, or
	 * {@code null} when no WebJar on the class path has the file.
	 */
	public String urlPath(String path) {
		if (!names(path)) {
			return null;
		}
		String relative = path.startsWith("/") ? path.substring(1) : path;
		String known = this.urlPaths.get(relative);
		if (known == null) {
			known = find(relative.substring(FOLDER.length()));
			if (this.urlPaths.size() < MAX_REMEMBERED) {
				this.urlPaths.put(relative, known);
			}
		}
		return known.isEmpty() ? null : known;
	}

	private String find(String inWebJars) {
		int slash = inWebJars.indexOf('/');
		String version = (slash > 0) ? this.versions.apply(inWebJars.substring(0, slash)) : null;
		if (version == null) {
			return NONE;
		}
		String name = inWebJars.substring(0, slash);
		String rest = inWebJars.substring(slash + 1);
		String versioned = rest.startsWith(version + "/") ? inWebJars : name + "/" + version + "/" + rest;
		return this.files.has(FOLDER + versioned) ? Urls.encodePath("/" + FOLDER + versioned) : NONE;
	}

	/**
	 * Whether {@code path}, a decoded root-relative request path, is a file of a WebJar under the
	 * version on the class path: {@code webjars/bootstrap/5.3.8/css/x.css}.
	 */
	public boolean isVersioned(String path) {
		if (!path.startsWith(FOLDER)) {
			return false;
		}
		String[] segments = path.split("/", 4);
		return segments.length == 4 && !segments[1].isEmpty() && segments[2].equals(this.versions.apply(segments[1]))
				&& this.files.has(path);
	}

	/** Where the files are: {@link #LOCATION}, under the rule of {@link AssetLocations}. */
	public AssetLocations locations() {
		return this.files;
	}

	@Override
	public String toString() {
		return LOCATION + FOLDER;
	}

}
