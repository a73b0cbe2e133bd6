package dev.cairn.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The field errors of a command record being built, reported together by
 * {@link #rejectIfAny}: the record's constructor checks the shape of every field, so any
 * face (REST, GraphQL, imports, the web UI) gets the same rules, and a client learns
 * every mistake of a request at once.
 */
public final class Checks {

	private final List<FieldError> errors = new ArrayList<>();

	/** A name: not blank, at most {@code max} characters; stripped. */
	public String name(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			reject(field, "must not be blank");
			return value;
		}
		return text(field, value, max).strip();
	}

	/** Free text, or null: at most {@code max} characters (code points, as stored). */
	public String text(String field, String value, int max) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			reject(field, "must be at most " + max + " characters");
		}
		return value;
	}

	/** A field that has a value once it exists: set or left alone, never cleared. */
	public <T> Patch<T> notCleared(String field, Patch<T> patch) {
		if (Objects.requireNonNull(patch, field) instanceof Patch.Cleared<T>) {
			reject(field, "must not be null");
			return Patch.absent();
		}
		return patch;
	}

	public void reject(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	/**
	 * @throws InvalidInput listing every error found
	 */
	public void rejectIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInput(List.copyOf(this.errors));
		}
	}

}
