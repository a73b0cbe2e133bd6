package dev.cairn.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StartupFailure} as its description and action, the way Spring Boot
 * reports its own configuration mistakes, instead of a stack trace.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
