package io.github.assetbust.autoconfigure;

import io.github.assetbust.startup.AssetBuildException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a strict-mode startup failure caused by the startup build. */
class AssetBuildFailureAnalyzer extends AbstractFailureAnalyzer<AssetBuildException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AssetBuildException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix what the message names, or set assetbust.strict=false to start with the last good manifest "
						+ "(or the original URLs, without one) while the build fails.",
				cause);
	}

}
