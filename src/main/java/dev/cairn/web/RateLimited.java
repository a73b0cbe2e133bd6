package dev.cairn.web;

import java.time.Duration;

/**
 * Too many attempts; the client may try again after {@link #retryAfterSeconds()}.
 */
public class RateLimited extends ApiException {

	private final long retryAfterSeconds;

	RateLimited(long retryAfterSeconds) {
		super(ErrorCode.RATE_LIMITED, "Too many attempts; try again in " + retryAfterSeconds + " seconds.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * A wait in whole seconds, rounded up, at least one: what {@code Retry-After} says.
	 */
	static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
