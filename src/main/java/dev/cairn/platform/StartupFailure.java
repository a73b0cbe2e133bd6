package dev.cairn.platform;

/**
 * Cairn cannot start as configured. Reported as a short explanation and what to do about
 * it, not as a stack trace.
 */
public class StartupFailure extends RuntimeException {

	private final String action;

	public StartupFailure(String description, String action) {
		this(description, action, null);
	}

	public StartupFailure(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
