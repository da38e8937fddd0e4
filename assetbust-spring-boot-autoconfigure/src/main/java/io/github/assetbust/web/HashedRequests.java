package io.github.assetbust.web;

import java.time.Duration;

import io.github.assetbust.core.manifest.ManifestEntry;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.HashedName;
import io.github.assetbust.resolve.AssetIndex;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.MissingAssets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Decides how a request for a hashed-looking path is answered, whatever the web framework:
 * <ul>
 * <li>a hashed copy of the manifest in use, or of a generation it keeps: served as it is, with the
 * year-long immutable header;</li>
 * <li>one this server does not know yet: the manifest file is checked for a newer build first
 * (another server of a rolling deploy may have loaded it already and handed the URL out);</li>
 * <li>one of a generation this server never had (a page rendered by the other release of a
 * rolling deploy of jars): with {@code assetbust.stale-hashed=fallback}, the current copy of its
 * original, never cached ({@code no-store}), counted and logged once per path;</li>
 * <li>anything else is not a hashed copy: never served immutable.</li>
 * </ul>
 */
public final class HashedRequests {

	private static final Log logger = LogFactory.getLog(HashedRequests.class);

	/** How often a request for an unknown hashed path may make the manifest file be checked. */
	static final Duration ON_DEMAND_CHECK = Duration.ofMillis(10);

	private final AssetManifest manifest;

	private final boolean fallback;

	private final MissingAssets stale = new MissingAssets();

	/**
	 * @param manifest the manifest in use
	 * @param fallback whether an unknown hashed path whose original is an asset gets the current
	 * copy, rather than a 404
	 */
	public HashedRequests(AssetManifest manifest, boolean fallback) {
		this.manifest = manifest;
		this.fallback = fallback;
	}

	/** How to answer a request for {@code path}, a decoded root-relative URL path. */
	public Route route(String path) {
		AssetIndex index = this.manifest.index();
		if (index.isHashed(path)) {
			return Route.immutable(path);
		}
		AssetPath original = originalOf(path);
		if (original == null) {
			return Route.NONE;
		}
		index = this.manifest.indexCheckedForChange(ON_DEMAND_CHECK);
		if (index.isHashed(path)) {
			return Route.immutable(path);
		}
		ManifestEntry current = this.fallback ? index.manifest().assets().get(original) : null;
		if (current == null) {
			return Route.NONE;
		}
		if (this.stale.record(path)) {
			logger.warn("Hashed copy '" + ControlCharacters.escape(path) + "' is in no generation this server keeps; "
					+ "answering with the current " + current.path() + ", not to be cached (assetbust.stale-hashed="
					+ "fallback). Expected for a while during a rolling deploy of jars; set assetbust.url-prefix to an "
					+ "object store that keeps every generation to avoid it");
		}
		return Route.stale(current.path().toString());
	}

	/**
	 * Whether an answer with {@code status} may carry the cache header of the handler that serves
	 * it: a 200, a 206 or a 304, and nothing else. A 1xx, a redirect or an error on a hashed URL
	 * must never tell a CDN to keep it for a year; one rule for Spring MVC and WebFlux.
	 * @param status the HTTP status code of the answer
	 */
	public static boolean isCacheable(int status) {
		return status == 200 || status == 206 || status == 304;
	}

	/** The requests answered with the current copy instead of the hashed one asked for. */
	public MissingAssets staleRequests() {
		return this.stale;
	}

	private static AssetPath originalOf(String path) {
		try {
			return HashedName.parseAny(AssetPath.of(path)).map(HashedName.Parsed::original).orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * How to answer.
	 * @param kind what kind of answer
	 * @param path the root-relative path of the file to serve; {@code null} for {@link Kind#NONE}
	 */
	public record Route(Kind kind, String path) {

		static final Route NONE = new Route(Kind.NONE, null);

		static Route immutable(String path) {
			return new Route(Kind.IMMUTABLE, path);
		}

		static Route stale(String path) {
			return new Route(Kind.STALE, path);
		}

	}

	/** What kind of answer a hashed-looking path gets. */
	public enum Kind {

		/** The hashed copy asked for, cached for a year. */
		IMMUTABLE,

		/** The current copy of its original, never cached. */
		STALE,

		/** Not a hashed copy: left to the other handlers. */
		NONE

	}

}
