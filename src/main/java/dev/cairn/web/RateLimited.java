package dev.cairn.web;

/**
 * Too many attempts; the client may try again after {@link #retryAfterSeconds()}.
 */
public class RateLimited extends ApiException {

	private final long retryAfterSeconds;

	public RateLimited(long retryAfterSeconds) {
		super(ErrorCode.RATE_LIMITED, "Too many attempts; try again in " + retryAfterSeconds + " seconds.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
