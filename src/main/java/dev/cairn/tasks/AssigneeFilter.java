package dev.cairn.tasks;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose tasks a list shows, as {@code ?assignee=} names them: {@code me}, {@code none} or
 * a user id.
 */
sealed interface AssigneeFilter {

	/** The rule a value follows, as a field error says it. */
	String RULE = "must be a user id, me or none";

	/** The filter a value names, empty for anything else. */
	static Optional<AssigneeFilter> of(String value) {
		return switch (value) {
			case "me" -> Optional.of(new Me());
			case "none" -> Optional.of(new Unassigned());
			default -> id(value).map(User::new);
		};
	}

	/** The filter with {@code me} as the given caller. */
	default AssigneeFilter asSeenBy(UUID caller) {
		return (this instanceof Me) ? new User(caller) : this;
	}

	/** The caller's tasks. */
	record Me() implements AssigneeFilter {
	}

	/** Tasks assigned to nobody. */
	record Unassigned() implements AssigneeFilter {
	}

	/** Tasks assigned to this user. */
	record User(UUID id) implements AssigneeFilter {
	}

	// As lenient as UUID.fromString, which read the filter before it had a type.
	private static Optional<UUID> id(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
