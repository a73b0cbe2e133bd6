package dev.cairn.projects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a workflow state means, whatever a project calls it: the board's columns are
 * statuses, and their categories say which tasks are open and which are done.
 */
public enum StatusCategory {

	BACKLOG, UNSTARTED, STARTED, COMPLETED, CANCELED;

	private final String value = name().toLowerCase(Locale.ROOT);

	/** As the API and the database name it: {@code completed}. */
	public String value() {
		return this.value;
	}

	/** Whether a task in a status of this category is done (it has a completion time). */
	public boolean isDone() {
		return this == COMPLETED || this == CANCELED;
	}

	public static Optional<StatusCategory> of(String value) {
		return Arrays.stream(values()).filter((category) -> category.value.equals(value)).findFirst();
	}

	/**
	 * Every value, in the order of work, for messages: {@code backlog, unstarted, ...}.
	 */
	public static String listed() {
		return String.join(", ", Arrays.stream(values()).map(StatusCategory::value).toList());
	}

}
