package io.github.assetbust.actuate;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.LoadAttempt;
import io.github.assetbust.resolve.ManifestGeneration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the asset manifest, named {@code assets}. {@code UP} while the latest load succeeded;
 * {@code UNKNOWN} before any load was attempted (only a manifest bean of the application's own).
 * When it failed (no manifest at startup, or a reload of a changed file that is malformed):
 * {@code DOWN} in strict mode, where the application promised never to hand out an unhashed URL;
 * otherwise {@code UP} with a {@code warning}, since URLs fall back to their originals (or the last
 * good manifest stays in use) exactly as configured, the way Spring Boot's SSL indicator stays up
 * and warns about a certificate that is about to expire.
 */
public class AssetsHealthIndicator extends AbstractHealthIndicator {

	private final AssetManifest manifest;

	private final boolean strict;

	/**
	 * @param manifest the manifest to report on
	 * @param strict whether the application runs with {@code assetbust.strict=true}
	 */
	public AssetsHealthIndicator(AssetManifest manifest, boolean strict) {
		super("Asset manifest health check failed");
		this.manifest = manifest;
		this.strict = strict;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("location", this.manifest.location());
		ManifestGeneration generation = this.manifest.generation();
		if (generation != null) {
			builder.withDetail("entries", generation.entries()).withDetail("digest", generation.digest());
		}
		LoadAttempt attempt = this.manifest.lastAttempt();
		if (attempt == null) {
			builder.unknown().withDetail("warning", "the manifest has not been loaded yet");
			return;
		}
		if (attempt.isSuccess()) {
			builder.up();
			return;
		}
		builder.withDetail("error", attempt.error());
		if (this.strict) {
			builder.down();
		}
		else {
			builder.up()
				.withDetail("warning", (generation != null) ? "still using the previous manifest"
						: "asset URLs fall back to their original paths, which browsers may cache stale");
		}
	}

}
