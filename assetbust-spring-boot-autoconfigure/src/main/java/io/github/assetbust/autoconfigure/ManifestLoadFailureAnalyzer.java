package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.ManifestLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a strict-mode startup failure caused by a manifest that cannot be loaded. */
class ManifestLoadFailureAnalyzer extends AbstractFailureAnalyzer<ManifestLoadException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ManifestLoadException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Build the manifest (the assetbust Maven goal, the CLI, or assetbust.build.on-startup=true), point "
						+ "assetbust.manifest at it, or set assetbust.strict=false to fall back to original URLs "
						+ "while it is missing.",
				cause);
	}

}
