package io.github.assetbust.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.compress.Compression;
import io.github.assetbust.core.digest.DigestAlgorithm;
import io.github.assetbust.core.manifest.Manifest;
import io.github.assetbust.core.retention.Retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of content-hashed static assets.
 */
@ConfigurationProperties("assetbust")
public class AssetbustProperties {

	/** The manifest location used when none is set and no build root is configured. */
	public static final String DEFAULT_MANIFEST = "classpath:/" + Manifest.CLASSPATH_LOCATION;

	/**
	 * Whether to resolve asset URLs through the manifest and serve hashed copies.
	 */
	private boolean enabled = true;

	/**
	 * Location of the manifest. Defaults to 'asset-manifest.json' in the build root when one is
	 * set, otherwise to 'classpath:/META-INF/assetbust/manifest.json' (where the Maven goal writes
	 * it).
	 */
	private String manifest;

	/**
	 * Put before every asset URL, typically a CDN origin such as 'https://cdn.example.com'.
	 */
	private String urlPrefix = "";

	/**
	 * Whether an asset missing from the manifest, a manifest that cannot be loaded at startup, or
	 * (for the startup build) a CSS or JavaScript reference to a missing file is an error rather
	 * than a fallback to the original URL.
	 */
	private boolean strict = false;

	/**
	 * Whether to reload a 'file:' manifest when it changes on disk.
	 */
	private boolean reload = true;

	/**
	 * Whether to serve hashed copies, and the files of WebJars under their version
	 * ('/webjars/bootstrap/5.3.8/...'), with 'Cache-Control: max-age=31536000, public, immutable'.
	 * Original and version-less WebJar URLs keep Spring Boot's default cache headers either way.
	 */
	private boolean cacheControl = true;

	/**
	 * Whether 'assets:href' and 'assets:src' also write 'integrity' and 'crossorigin'.
	 */
	private boolean integrity = false;

	/**
	 * Whether links the application builds to asset paths, such as Thymeleaf's
	 * '@{/css/main.css}', come out hashed too: the migration path that needs no template change.
	 */
	private boolean rewriteLinks = false;

	/**
	 * Where asset URLs come from: 'manifest', the manifest a build wrote, or 'dynamic', the live
	 * files, digested on demand, for development. Defaults to 'dynamic' while Spring Boot DevTools
	 * is active and to 'manifest' otherwise.
	 */
	private AssetMode mode = AssetMode.MANIFEST;

	/**
	 * Whether to serve a hashed copy's precompressed variant (a '.br' or '.gz' file beside it, see
	 * 'assetbust.build.compress') with 'Content-Encoding' to clients that accept its encoding.
	 * Costs a file lookup per request only where no variant exists.
	 */
	private boolean compressed = true;

	/**
	 * How to answer a request for a hashed copy of a generation this server never had, as pages
	 * rendered by the other release of a rolling deploy of jars ask for: 'fallback', the current
	 * copy of its original with 'Cache-Control: no-store', or 'not-found'.
	 */
	private StaleHashed staleHashed = StaleHashed.FALLBACK;

	private final Build build = new Build();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getManifest() {
		return this.manifest;
	}

	public void setManifest(String manifest) {
		this.manifest = manifest;
	}

	public String getUrlPrefix() {
		return this.urlPrefix;
	}

	public void setUrlPrefix(String urlPrefix) {
		this.urlPrefix = urlPrefix;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public boolean isReload() {
		return this.reload;
	}

	public void setReload(boolean reload) {
		this.reload = reload;
	}

	public boolean isCacheControl() {
		return this.cacheControl;
	}

	public void setCacheControl(boolean cacheControl) {
		this.cacheControl = cacheControl;
	}

	public boolean isIntegrity() {
		return this.integrity;
	}

	public void setIntegrity(boolean integrity) {
		this.integrity = integrity;
	}

	public boolean isRewriteLinks() {
		return this.rewriteLinks;
	}

	public void setRewriteLinks(boolean rewriteLinks) {
		this.rewriteLinks = rewriteLinks;
	}

	public AssetMode getMode() {
		return this.mode;
	}

	public void setMode(AssetMode mode) {
		this.mode = mode;
	}

	public boolean isCompressed() {
		return this.compressed;
	}

	public void setCompressed(boolean compressed) {
		this.compressed = compressed;
	}

	public StaleHashed getStaleHashed() {
		return this.staleHashed;
	}

	public void setStaleHashed(StaleHashed staleHashed) {
		this.staleHashed = staleHashed;
	}

	public Build getBuild() {
		return this.build;
	}

	/**
	 * What a build at startup of {@code root} into {@code manifest} does, as these properties say.
	 * @throws AssetbustException if {@code build.compress} names br without brotli4j on the class
	 * path: a mistake to stop at, not a build to fail later
	 */
	public BuildOptions buildOptions(Path root, Path manifest) {
		try {
			this.build.compress.forEach(Compression::requireAvailable);
		}
		catch (AssetbustException ex) {
			throw new AssetbustException("assetbust.build.compress: " + ex.getMessage(), ex);
		}
		return BuildOptions.forRoot(root)
			.withManifest(manifest)
			.withIncludes(this.build.include)
			.withExcludes(this.build.exclude)
			.withAlgorithm(this.build.algorithm)
			.withStrict(this.strict)
			.withRetention(new Retention(this.build.keep, this.build.maxAge))
			.withCompress(this.build.compress)
			.withBrotliQuality(this.build.brotliQuality);
	}

	/** The manifest location in effect, after the defaults described on {@link #getManifest()}. */
	public String effectiveManifest() {
		if (this.manifest != null && !this.manifest.isBlank()) {
			return this.manifest;
		}
		if (this.build.root != null && !this.build.root.isBlank()) {
			String root = this.build.root.endsWith("/") ? this.build.root : this.build.root + "/";
			return root + BuildOptions.DEFAULT_MANIFEST_NAME;
		}
		return DEFAULT_MANIFEST;
	}

	/**
	 * Building hashed copies and the manifest from a file-system root.
	 */
	public static class Build {

		/**
		 * Whether to build the manifest from the root before the web server accepts requests.
		 */
		private boolean onStartup = false;

		/**
		 * Folder of the zero-configuration build: with no manifest in the application (none at
		 * 'classpath:/META-INF/assetbust/manifest.json', no 'assetbust.manifest', no
		 * 'assetbust.build.root'), a web application (Spring MVC or WebFlux) copies the files of
		 * Spring Boot's static locations here at startup, hashes them and serves the hashed copies from here.
		 * Defaults to an 'assetbust' folder in the application's temporary directory.
		 */
		private String output;

		/**
		 * Asset root on the file system, such as 'file:/var/www/html'. When set, the application
		 * also serves the files under it.
		 */
		private String root;

		/**
		 * Globs, relative to the root, of the files to hash.
		 */
		private List<String> include = new ArrayList<>(BuildOptions.DEFAULT_INCLUDES);

		/**
		 * Globs, relative to the root, of the files and folders to leave alone.
		 */
		private List<String> exclude = new ArrayList<>(BuildOptions.DEFAULT_EXCLUDES);

		/**
		 * Digest put into hashed file names: 'md5' or 'sha256'.
		 */
		private DigestAlgorithm algorithm = BuildOptions.DEFAULT_ALGORITHM;

		/**
		 * How many previous generations of hashed copies to keep, for servers of a rolling
		 * deploy that still hand out their URLs.
		 */
		private int keep = Retention.DEFAULT.keep();

		/**
		 * Keep any generated file younger than this, whatever its generation.
		 */
		private Duration maxAge = Retention.DEFAULT.maxAge();

		/**
		 * Precompressed variants to write beside each hashed copy of a text file or uncompressed
		 * font: 'gzip' ('.gz') and 'br' ('.br', needs com.aayushatharva.brotli4j:brotli4j on the
		 * class path). Each is kept only if smaller than the copy.
		 */
		private Set<Compression> compress = new LinkedHashSet<>();

		/**
		 * How hard Brotli works on '.br' variants: 0 (fastest) to 11 (densest, many times slower).
		 */
		private int brotliQuality = BuildOptions.DEFAULT_BROTLI_QUALITY;

		public boolean isOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(boolean onStartup) {
			this.onStartup = onStartup;
		}

		public String getOutput() {
			return this.output;
		}

		public void setOutput(String output) {
			this.output = output;
		}

		public String getRoot() {
			return this.root;
		}

		public void setRoot(String root) {
			this.root = root;
		}

		public List<String> getInclude() {
			return this.include;
		}

		public void setInclude(List<String> include) {
			this.include = include;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		public int getKeep() {
			return this.keep;
		}

		public void setKeep(int keep) {
			this.keep = keep;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public DigestAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(DigestAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public int getBrotliQuality() {
			return this.brotliQuality;
		}

		public void setBrotliQuality(int brotliQuality) {
			if (brotliQuality < 0 || brotliQuality > 11) {
				throw new IllegalArgumentException(brotliQuality + " is not a Brotli quality: use 0 to 11");
			}
			this.brotliQuality = brotliQuality;
		}

		public Set<Compression> getCompress() {
			return this.compress;
		}

		public void setCompress(Set<Compression> compress) {
			this.compress = compress;
		}

	}

}
