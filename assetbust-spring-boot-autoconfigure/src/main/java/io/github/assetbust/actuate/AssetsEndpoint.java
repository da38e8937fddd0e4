package io.github.assetbust.actuate;

import java.time.Instant;
import java.util.List;

import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.LoadAttempt;
import io.github.assetbust.resolve.ManifestGeneration;
import io.github.assetbust.resolve.MissingAssets;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code assets} actuator endpoint: which manifest is in use, how its latest load went, and
 * which asset paths templates asked for that it does not have.
 */
@Endpoint(id = "assets")
public class AssetsEndpoint {

	private final AssetManifest manifest;

	private final MissingAssets missing;

	private final MissingAssets staleHashed;

	/**
	 * @param manifest the manifest to report on
	 * @param missing the misses of the resolver, or {@code null} when the application has its own
	 * resolver, which does not record them
	 * @param staleHashed requests for hashed copies of a generation this server never had, answered
	 * with the current copy; {@code null} where no such requests are served
	 */
	public AssetsEndpoint(AssetManifest manifest, MissingAssets missing, MissingAssets staleHashed) {
		this.manifest = manifest;
		this.missing = missing;
		this.staleHashed = staleHashed;
	}

	@ReadOperation
	public AssetsDescriptor assets() {
		return new AssetsDescriptor(this.manifest.location(), this.manifest.isWatching(),
				GenerationDescriptor.of(this.manifest.generation()), LastLoadDescriptor.of(this.manifest.lastAttempt()),
				MissingDescriptor.of(this.missing), MissingDescriptor.of(this.staleHashed));
	}

	/**
	 * What the endpoint reports.
	 * @param location the configured manifest location
	 * @param watching whether the manifest file is checked for changes and reloaded
	 * @param generation the manifest in use; {@code null} until one has loaded
	 * @param lastLoad the latest load attempt; {@code null} before the first
	 * @param missing lookups that missed; {@code null} with an application's own resolver
	 * @param staleHashed requests for hashed copies of a generation this server never had, answered
	 * with the current copy of their original ({@code assetbust.stale-hashed=fallback}); in the same
	 * shape as {@code missing}
	 */
	public record AssetsDescriptor(String location, boolean watching, GenerationDescriptor generation,
			LastLoadDescriptor lastLoad, MissingDescriptor missing, MissingDescriptor staleHashed)
			implements OperationResponseBody {

	}

	/**
	 * The manifest in use; see {@link ManifestGeneration}.
	 * @param generated its build time, {@code null} (left out of the JSON) for a reproducible build
	 * @param digest identifies its bytes
	 * @param entries assets it lists
	 * @param retainedGenerations earlier generations whose hashed copies are still served
	 * @param retainedCopies hashed copies of those generations the manifest itself does not list
	 * @param loadedAt when this process loaded it
	 */
	public record GenerationDescriptor(Instant generated, String digest, int entries, int retainedGenerations,
			int retainedCopies, Instant loadedAt) {

		static GenerationDescriptor of(ManifestGeneration generation) {
			return (generation != null) ? new GenerationDescriptor(generation.generated(), generation.digest(),
					generation.entries(), generation.retainedGenerations(), generation.retainedCopies(),
					generation.loadedAt()) : null;
		}

	}

	/**
	 * The latest attempt to load the manifest.
	 * @param time when
	 * @param outcome {@code success} or {@code failure}
	 * @param error why it failed; {@code null} on success
	 */
	public record LastLoadDescriptor(Instant time, String outcome, String error) {

		static LastLoadDescriptor of(LoadAttempt attempt) {
			if (attempt == null) {
				return null;
			}
			return new LastLoadDescriptor(attempt.time(), attempt.isSuccess() ? "success" : "failure",
					attempt.error());
		}

	}

	/**
	 * Lookups of paths the manifest does not have.
	 * @param lookups every such lookup, repeats included
	 * @param distinctPaths how many different paths (counting stops at
	 * {@value MissingAssets#MAX_DISTINCT})
	 * @param paths the first {@value MissingAssets#MAX_LISTED} of them, in the order they first missed
	 */
	public record MissingDescriptor(long lookups, int distinctPaths, List<String> paths) {

		static MissingDescriptor of(MissingAssets missing) {
			return (missing != null)
					? new MissingDescriptor(missing.lookups(), missing.distinctPaths(), missing.firstPaths()) : null;
		}

	}

}
