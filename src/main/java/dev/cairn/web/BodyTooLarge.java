package dev.cairn.web;

import java.io.IOException;

/**
 * A request body grew past the configured limit while it was read. An
 * {@link IOException}, because that is what a servlet input stream may throw; the problem
 * advice and {@link BodyLimitFilter} turn it into a 413.
 */
class BodyTooLarge extends IOException {

	BodyTooLarge(long limit) {
		super("The request body is larger than " + describe(limit) + ".", null);
	}

	static String describe(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KiB";
		}
		return bytes + " bytes";
	}

	// An expected outcome, like ApiException: no stack trace to fill.
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
