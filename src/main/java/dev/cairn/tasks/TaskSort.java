package dev.cairn.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.cairn.web.InvalidInput;

/**
 * The order of a task list: one allow-listed field, ascending or descending (a leading
 * {@code -}), with the id as tie-breaker so that every row has one place and a keyset
 * cursor can resume after it. One field, because each order must be served by an index on
 * {@code (project_id, field, id)}; arbitrary combinations could not be.
 *
 * @param field the sort field
 * @param descending whether the order is reversed
 */
record TaskSort(Field field, boolean descending) {

	/** Newest first: the order of a list that asks for none. */
	static final TaskSort DEFAULT = new TaskSort(Field.CREATED_AT, true);

	/**
	 * Reads {@code ?sort=}.
	 * @throws InvalidInput naming {@code sort} for anything but one allow-listed field
	 */
	static TaskSort parse(String sort) {
		if (sort == null || sort.isBlank()) {
			return DEFAULT;
		}
		boolean descending = sort.startsWith("-");
		String name = descending ? sort.substring(1) : sort;
		for (Field field : Field.values()) {
			if (field.parameter.equals(name)) {
				return new TaskSort(field, descending);
			}
		}
		throw new InvalidInput("sort",
				"must be one of createdAt, updatedAt, dueDate, priority, number, position, each optionally"
						+ " preceded by - for descending order");
	}

	/** Names the list for cursors: a cursor of one order is refused by another. */
	String cursorKind() {
		return "tasks:" + this.field.parameter + (this.descending ? ":desc" : ":asc");
	}

	/**
	 * The values of a row that a cursor keeps: the field's value (empty for null) and id.
	 */
	List<String> position(Task task) {
		Object value = this.field.value.apply(task);
		return List.of((value != null) ? value.toString() : "", task.id().toString());
	}

	/**
	 * ORDER BY. Tasks without a due date sort as if due at infinity: last in ascending
	 * order and first in descending order, so that {@code -dueDate} is the exact reverse
	 * of {@code dueDate} and both are one scan of the same index.
	 */
	String orderBy() {
		String direction = this.descending ? " DESC" : " ASC";
		if (this.field.unique) {
			return this.field.column + direction;
		}
		return this.field.column + direction + ", t.id" + direction;
	}

	/**
	 * The keyset condition for the rows after a cursor's position, parenthesized, with
	 * its parameters added to {@code params}.
	 */
	String after(List<String> position, Map<String, Object> params) {
		UUID afterId = parseId(position.get(1));
		params.put("afterId", afterId);
		String comparison = this.descending ? "<" : ">";
		if (this.field == Field.CREATED_AT) {
			return "(t.id " + comparison + " :afterId)";
		}
		String column = this.field.column;
		params.put("afterValue", this.field.parse(position.get(0)));
		if (this.field.unique) {
			return "(" + column + " " + comparison + " :afterValue)";
		}
		// One row comparison: a range of the (project_id, field, id) index.
		return "((" + column + ", t.id) " + comparison + " (" + this.field.bound + ", :afterId))";
	}

	private static UUID parseId(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalidCursor();
		}
	}

	// Bound as text and cast by PostgreSQL, which knows the date 'infinity'.
	private static Object dateOrInfinity(String value) {
		return "infinity".equals(value) ? value : LocalDate.parse(value).toString();
	}

	private static InvalidInput invalidCursor() {
		return new InvalidInput("cursor", "is not a cursor this server handed out for this list");
	}

	/**
	 * The fields a list may be sorted by, each with the index that serves it (see
	 * docs/schema.md).
	 */
	enum Field {

		/** Creation order, which is id order (UUIDv7): tasks_project_live_id_idx. */
		CREATED_AT("createdAt", "t.id", true, ":afterValue", Task::id, UUID::fromString),

		/** tasks_project_updated_at_idx. */
		UPDATED_AT("updatedAt", "t.updated_at", false, ":afterValue", Task::updatedAt,
				(value) -> Timestamp.from(Instant.parse(value))),

		/**
		 * No date counts as infinity, and the cursor carries the text {@code infinity}:
		 * tasks_project_due_sort_idx.
		 */
		DUE_DATE("dueDate", "coalesce(t.due_date, 'infinity'::date)", false, "CAST(:afterValue AS date)",
				(task) -> (task.dueDate() != null) ? task.dueDate() : "infinity", TaskSort::dateOrInfinity),

		/**
		 * Least urgent first; {@code -priority} puts urgent first:
		 * tasks_project_priority_idx.
		 */
		PRIORITY("priority", "t.priority", false, ":afterValue", (task) -> task.priority().ordinal(), Integer::valueOf),

		/**
		 * The number in the key, unique in a project (so no tie-breaker):
		 * tasks_project_id_number_key.
		 */
		NUMBER("number", "t.number", true, ":afterValue", Task::number, Integer::valueOf),

		/**
		 * Board order, within one status: tasks_project_status_position_idx (the list
		 * must filter on exactly one status).
		 */
		POSITION("position", "t.position", false, ":afterValue", Task::position, Long::valueOf);

		private final String parameter;

		private final String column;

		private final boolean unique;

		// The cursor's value as SQL: a bound parameter (cast where the column
		// is an expression, not a plain column).
		private final String bound;

		private final Function<Task, Object> value;

		private final Function<String, Object> parser;

		Field(String parameter, String column, boolean unique, String bound, Function<Task, Object> value,
				Function<String, Object> parser) {
			this.parameter = parameter;
			this.column = column;
			this.unique = unique;
			this.bound = bound;
			this.value = value;
			this.parser = parser;
		}

		Object parse(String value) {
			try {
				return this.parser.apply(value);
			}
			catch (RuntimeException ex) {
				throw invalidCursor();
			}
		}

	}

}
