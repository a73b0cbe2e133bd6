package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.cairn.web.Checks;
import dev.cairn.web.Patch;

/**
 * The changes {@link Tasks} takes, checked when built, so that every face (REST now;
 * GraphQL, imports, the web UI later) gets the same rules and the service a valid
 * command: titles stripped, estimates in range. What needs the project (a status, a
 * member, a parent, the custom fields' definitions) the service checks.
 */
final class TaskCommands {

	static final int MAX_TITLE = 500;

	static final int MAX_DESCRIPTION = 100_000;

	/** Estimates are hours, below this. */
	static final BigDecimal MAX_ESTIMATE = new BigDecimal("1000000");

	static final String CUSTOM_FIELDS_RULE = "must be an object of values keyed by field id";

	private TaskCommands() {
	}

	/**
	 * A new task.
	 *
	 * @param statusId its status, or null for the project's first
	 * @param priority null for none
	 * @param customFields values keyed by field id, as
	 * {@link dev.cairn.fields.CustomFieldValues#validate} takes them; null for none
	 */
	record NewTask(String title, @Nullable String description, @Nullable UUID statusId, Priority priority,
			@Nullable UUID assigneeId, @Nullable UUID parentId, @Nullable LocalDate startDate,
			@Nullable LocalDate dueDate, @Nullable BigDecimal estimate, Map<String, Object> customFields) {

		NewTask {
			Checks checks = new Checks();
			title = checks.name("title", title, MAX_TITLE);
			description = checks.text("description", description, MAX_DESCRIPTION);
			priority = (priority != null) ? priority : Priority.NONE;
			estimate = (estimate != null) ? checkedEstimate(checks, estimate) : null;
			customFields = copy(customFields);
			checks.rejectIfAny();
		}

	}

	/**
	 * A change to a task: its title, status and priority cannot be cleared; clearing the
	 * custom fields unsets them all, setting them sets the fields named and leaves the
	 * others.
	 */
	record TaskPatch(Patch<String> title, Patch<String> description, Patch<UUID> statusId, Patch<Priority> priority,
			Patch<UUID> assigneeId, Patch<UUID> parentId, Patch<LocalDate> startDate, Patch<LocalDate> dueDate,
			Patch<BigDecimal> estimate, Patch<Map<String, Object>> customFields) {

		TaskPatch {
			Checks checks = new Checks();
			title = checks.notCleared("title", title).map((value) -> checks.name("title", value, MAX_TITLE));
			description = Objects.requireNonNull(description)
				.map((value) -> checks.text("description", value, MAX_DESCRIPTION));
			statusId = checks.notCleared("statusId", statusId);
			priority = checks.notCleared("priority", priority);
			Objects.requireNonNull(assigneeId);
			Objects.requireNonNull(parentId);
			Objects.requireNonNull(startDate);
			Objects.requireNonNull(dueDate);
			estimate = Objects.requireNonNull(estimate).map((value) -> checkedEstimate(checks, value));
			customFields = Objects.requireNonNull(customFields).map(TaskCommands::copy);
			checks.rejectIfAny();
		}

		/**
		 * Whether it moves the task in its column or tree, which takes the project lock.
		 */
		boolean places() {
			return !this.statusId.isAbsent() || !this.parentId.isAbsent();
		}

	}

	private static BigDecimal checkedEstimate(Checks checks, BigDecimal estimate) {
		if (estimate.signum() < 0 || estimate.compareTo(MAX_ESTIMATE) >= 0
				|| estimate.stripTrailingZeros().scale() > 2) {
			checks.reject("estimate",
					"must be at least 0 and below " + MAX_ESTIMATE.toPlainString() + ", with at most two decimals");
		}
		return estimate;
	}

	// Values may be null (a field cleared), which Map.copyOf refuses.
	private static Map<String, Object> copy(Map<String, Object> values) {
		return (values != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(values)) : Map.of();
	}

}
