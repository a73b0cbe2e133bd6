package dev.cairn.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Stored as 0-4 so that sorting by priority is sorting by urgency; named in the API.
 */
enum Priority {

	NONE, LOW, MEDIUM, HIGH, URGENT;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Priority> of(String value) {
		return Arrays.stream(values()).filter((priority) -> priority.value().equals(value)).findFirst();
	}

}
