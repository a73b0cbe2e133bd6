package dev.cairn.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about, in the order in which one wins over another when a person
 * would get several for one change: a mention beats an assignment, which beats a comment
 * on a task one takes part in.
 */
public enum Kind {

	MENTIONED("mentioned", "mentioned"), ASSIGNED("assigned", "assigned"), COMMENTED("commented", "commented"),
	DUE_SOON("dueSoon", "due_soon");

	private final String value;

	private final String column;

	Kind(String value, String column) {
		this.value = value;
		this.column = column;
	}

	/** As the API, the preferences and unsubscribe links name it: {@code dueSoon}. */
	String value() {
		return this.value;
	}

	/** As the database stores it: {@code due_soon}. */
	String column() {
		return this.column;
	}

	static Kind ofColumn(String column) {
		return Arrays.stream(values()).filter((kind) -> kind.column.equals(column)).findFirst().orElseThrow();
	}

	static Optional<Kind> of(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.value.equals(value)).findFirst();
	}

}
