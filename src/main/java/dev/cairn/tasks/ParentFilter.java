package dev.cairn.tasks;

import java.util.Optional;
import java.util.UUID;

/**
 * Where in the task tree a list looks, as {@code ?parent=} names it: {@code none} for the
 * tasks that are nobody's subtask, or a task id for that task's subtasks.
 */
sealed interface ParentFilter {

	/** The rule a value follows, as a field error says it. */
	String RULE = "must be a task id or none";

	/** The filter a value names, empty for anything else. */
	static Optional<ParentFilter> of(String value) {
		return "none".equals(value) ? Optional.of(new TopLevel()) : id(value).map(SubtasksOf::new);
	}

	/** Tasks that are nobody's subtask. */
	record TopLevel() implements ParentFilter {
	}

	/** The subtasks of this task. */
	record SubtasksOf(UUID parentId) implements ParentFilter {
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
