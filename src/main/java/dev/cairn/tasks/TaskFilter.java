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
 * flattening {@code A OR B AND C}).
 *
 * @param statusIds tasks in any of these statuses
 * @param statusCategories tasks in a status of any of these categories
 * @param assigneeId tasks assigned to this user
 * @param unassigned tasks assigned to nobody
 * @param priority tasks with this priority (0-4)
 * @param text full-text query on title and description
 * @param dueBefore due on or before
 * @param dueAfter due on or after
 * @param updatedSince changed at or after
 * @param labelId tasks carrying this label
 * @param parentId subtasks of this task
 * @param topLevel tasks that are nobody's subtask
 * @param fieldConditions conditions on custom field values, each parenthesized and bound,
 * made by {@link CustomFieldFilter} from the project's field definitions
 */
record TaskFilter(List<UUID> statusIds, List<String> statusCategories, UUID assigneeId, boolean unassigned,
		Integer priority, String text, LocalDate dueBefore, LocalDate dueAfter, Instant updatedSince, UUID labelId,
		UUID parentId, boolean topLevel, List<CustomFieldFilter.Condition> fieldConditions) {

	/** The same filter with conditions on custom field values. */
	TaskFilter withFieldConditions(List<CustomFieldFilter.Condition> conditions) {
		return new TaskFilter(this.statusIds, this.statusCategories, this.assigneeId, this.unassigned, this.priority,
				this.text, this.dueBefore, this.dueAfter, this.updatedSince, this.labelId, this.parentId, this.topLevel,
				List.copyOf(conditions));
	}

	/**
	 * The filter as text that is the same on every node for the same request (a
	 * condition's parameters sorted by name), for binding list cursors to it.
	 */
	String identity() {
		StringBuilder identity = new StringBuilder(new TaskFilter(this.statusIds, this.statusCategories,
				this.assigneeId, this.unassigned, this.priority, this.text, this.dueBefore, this.dueAfter,
				this.updatedSince, this.labelId, this.parentId, this.topLevel, List.of())
			.toString());
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
		if (this.unassigned) {
			conditions.add("(t.assignee_id IS NULL)");
		}
		else if (this.assigneeId != null) {
			conditions.add("(t.assignee_id = :assigneeId)");
			params.put("assigneeId", this.assigneeId);
		}
		if (this.priority != null) {
			conditions.add("(t.priority = :priority)");
			params.put("priority", this.priority);
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
		if (this.topLevel) {
			conditions.add("(t.parent_id IS NULL)");
		}
		else if (this.parentId != null) {
			conditions.add("(t.parent_id = :parentId)");
			params.put("parentId", this.parentId);
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
