package io.github.assetbust.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start that failed because jackson-annotations is too old for Jackson 3. */
class JacksonAnnotationsFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleJacksonAnnotationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleJacksonAnnotationsException cause) {
		return new FailureAnalysis(cause.getMessage(), "Manage com.fasterxml.jackson.core:jackson-annotations at "
				+ cause.getNeededVersion() + " in your build's dependencyManagement. Spring Boot 3.5 manages it at "
				+ "2.19 for Jackson 2, which works with the newer annotations too.", cause);
	}

}
