package dev.cairn.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stored as 0-4 so that sorting by priority is sorting by urgency; named in the API.
 */
public enum Priority {

	NONE, LOW, MEDIUM, HIGH, URGENT;

	/** The names a priority is given by, as a pattern for a validation annotation. */
	public static final String PATTERN = "none|low|medium|high|urgent";

	/** The rule a priority's name follows, as a field error says it. */
	public static final String RULE = "must be none, low, medium, high or urgent";

	// Every task of every page is named: worked out once.
	private static final List<Priority> BY_STORED = List.of(values());

	private final String value = name().toLowerCase(Locale.ROOT);

	public String value() {
		return this.value;
	}

	/** The priority stored as {@code ordinal}. */
	public static Priority stored(int ordinal) {
		return BY_STORED.get(ordinal);
	}

	static Optional<Priority> of(String value) {
		return Arrays.stream(values()).filter((priority) -> priority.value().equals(value)).findFirst();
	}

}
