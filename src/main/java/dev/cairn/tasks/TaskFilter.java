package dev.cairn.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.cairn.fields.CustomFieldFilter;

/**
 * The filters of a task list, turned into SQL: every condition comes from this fixed set,
 * takes its values as bound parameters, and is parenthesized before being joined with
 * AND, so no combination can widen the query beyond the caller's project (the mistake of
 * flattening {@code A OR B AND C}). Built from the list's query ({@link #of}), or by name
 * from {@link #NONE}.
 *
 * @param statusIds tasks in any of these statuses
 * @param statusCategories tasks in a status of any of these categories
 * @param assignee whose tasks, with {@code me} already the caller
 * @param priority tasks with this priority
 * @param text full-text query on title and description
 * @param dueBefore due on or before
 * @param dueAfter due on or after
 * @param updatedSince changed at or after
 * @param labelId tasks carrying this label
 * @param parent top-level tasks, or the subtasks of one task
 * @param fieldConditions conditions on custom field values, each parenthesized and bound,
 * made by {@link CustomFieldFilter} from the project's field definitions
 */
record TaskFilter(List<UUID> statusIds, List<String> statusCategories, AssigneeFilter assignee, Priority priority,
		String text, LocalDate dueBefore, LocalDate dueAfter, Instant updatedSince, UUID labelId, ParentFilter parent,
		List<CustomFieldFilter.Condition> fieldConditions) {

	/** Every live task of the project. */
	static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null, null, null, null, null, null);

	/**
	 * The filters a list's query asks for, as {@code caller} sees them: {@code me} is the
	 * caller, and a blank text is no text.
	 */
	static TaskFilter of(TaskListQuery query, UUID caller) {
		String text = (query.q() != null && !query.q().isBlank()) ? query.q().strip() : null;
		return new TaskFilter(query.status(), query.statusCategory(),
				(query.assignee() != null) ? query.assignee().asSeenBy(caller) : null, query.priority(), text,
				query.dueBefore(), query.dueAfter(), query.updatedSince(), query.label(), query.parent(), null);
	}

	TaskFilter withStatuses(List<UUID> statusIds) {
		return new TaskFilter(statusIds, this.statusCategories, this.assignee, this.priority, this.text, this.dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withStatusCategories(List<String> statusCategories) {
		return new TaskFilter(this.statusIds, statusCategories, this.assignee, this.priority, this.text, this.dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withAssignee(AssigneeFilter assignee) {
		return new TaskFilter(this.statusIds, this.statusCategories, assignee, this.priority, this.text, this.dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withPriority(Priority priority) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, priority, this.text, this.dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withText(String text) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, text, this.dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withDueBefore(LocalDate dueBefore) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, this.text, dueBefore,
				this.dueAfter, this.updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withUpdatedSince(Instant updatedSince) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, this.text,
				this.dueBefore, this.dueAfter, updatedSince, this.labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withLabel(UUID labelId) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, this.text,
				this.dueBefore, this.dueAfter, this.updatedSince, labelId, this.parent, this.fieldConditions);
	}

	TaskFilter withParent(ParentFilter parent) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, this.text,
				this.dueBefore, this.dueAfter, this.updatedSince, this.labelId, parent, this.fieldConditions);
	}

	/** The same filter with conditions on custom field values. */
	TaskFilter withFieldConditions(List<CustomFieldFilter.Condition> conditions) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assignee, this.priority, this.text,
				this.dueBefore, this.dueAfter, this.updatedSince, this.labelId, this.parent, List.copyOf(conditions));
	}

	/**
	 * The filter as text that is the same on every node for the same request (a
	 * condition's parameters sorted by name), for binding list cursors to it.
	 */
	String identity() {
		StringBuilder identity = new StringBuilder(withFieldConditions(List.of()).toString());
		if (this.fieldConditions != null) {
			for (CustomFieldFilter.Condition condition : this.fieldConditions) {
				identity.append('|').append(condition.sql()).append(new TreeMap<>(condition.params()));
			}
		}
		return identity.toString();
	}

	/**
	 * The WHERE clause (the project and live-task conditions, then the filters) and its
	 * parameters.
	 */
	Sql toSql(UUID projectId) {
		List<String> conditions = new ArrayList<>(List.of("(t.project_id = :projectId)", "(t.deleted_at IS NULL)"));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("projectId", projectId);
		if (this.statusIds != null && !this.statusIds.isEmpty()) {
			conditions.add("(t.status_id IN (:statusIds))");
			params.put("statusIds", this.statusIds);
		}
		if (this.statusCategories != null && !this.statusCategories.isEmpty()) {
			conditions.add("(t.status_id IN (SELECT s.id FROM statuses s WHERE s.project_id = :projectId"
					+ " AND s.category IN (:statusCategories)))");
			params.put("statusCategories", this.statusCategories);
		}
		switch (this.assignee) {
			case null -> {
			}
			case AssigneeFilter.Unassigned unassigned -> conditions.add("(t.assignee_id IS NULL)");
			case AssigneeFilter.User user -> {
				conditions.add("(t.assignee_id = :assigneeId)");
				params.put("assigneeId", user.id());
			}
			case AssigneeFilter.Me me -> throw new IllegalStateException("'me' is the caller: see TaskFilter.of");
		}
		if (this.priority != null) {
			conditions.add("(t.priority = :priority)");
			params.put("priority", this.priority.ordinal());
		}
		if (this.text != null) {
			conditions.add("(t.search_vector @@ websearch_to_tsquery('english', :text))");
			params.put("text", this.text);
		}
		if (this.dueBefore != null) {
			conditions.add("(t.due_date <= :dueBefore)");
			params.put("dueBefore", java.sql.Date.valueOf(this.dueBefore));
		}
		if (this.dueAfter != null) {
			conditions.add("(t.due_date >= :dueAfter)");
			params.put("dueAfter", java.sql.Date.valueOf(this.dueAfter));
		}
		if (this.updatedSince != null) {
			conditions.add("(t.updated_at >= :updatedSince)");
			params.put("updatedSince", java.sql.Timestamp.from(this.updatedSince));
		}
		if (this.labelId != null) {
			conditions.add("(EXISTS (SELECT 1 FROM task_labels tl WHERE tl.project_id = t.project_id"
					+ " AND tl.task_id = t.id AND tl.label_id = :labelId))");
			params.put("labelId", this.labelId);
		}
		switch (this.parent) {
			case null -> {
			}
			case ParentFilter.TopLevel topLevel -> conditions.add("(t.parent_id IS NULL)");
			case ParentFilter.SubtasksOf subtasks -> {
				conditions.add("(t.parent_id = :parentId)");
				params.put("parentId", subtasks.parentId());
			}
		}
		if (this.fieldConditions != null) {
			for (CustomFieldFilter.Condition condition : this.fieldConditions) {
				conditions.add(condition.sql());
				params.putAll(condition.params());
			}
		}
		return new Sql(String.join(" AND ", conditions), params);
	}

	record Sql(String text, Map<String, Object> params) {
	}

}
