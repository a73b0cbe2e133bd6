package dev.cairn.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cairn.fields.CustomFieldFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskFilterTests {

	private final UUID project = UUID.randomUUID();

	@Test
	void noFilterStillScopesToTheProjectAndLiveTasks() {
		TaskFilter.Sql sql = TaskFilter.NONE.toSql(this.project);
		assertThat(sql.text()).isEqualTo("(t.project_id = :projectId) AND (t.deleted_at IS NULL)");
		assertThat(sql.params()).containsOnlyKeys("projectId");
	}

	@Test
	void everyConditionIsParenthesizedAndBoundNeverInlined() {
		UUID status = UUID.randomUUID();
		TaskFilter filter = TaskFilter.NONE.withStatuses(List.of(status))
			.withAssignee(new AssigneeFilter.Unassigned())
			.withPriority(Priority.URGENT)
			.withText("x') OR (true")
			.withDueBefore(LocalDate.of(2027, 1, 1))
			.withParent(new ParentFilter.TopLevel())
			.withFieldConditions(List.of(new CustomFieldFilter.Condition("(t.custom_fields @> CAST(:cf0 AS jsonb))",
					java.util.Map.of("cf0", "{}"))));
		TaskFilter.Sql sql = filter.toSql(this.project);
		assertThat(sql.text()).isEqualTo("(t.project_id = :projectId) AND (t.deleted_at IS NULL)"
				+ " AND (t.status_id IN (:statusIds)) AND (t.assignee_id IS NULL) AND (t.priority = :priority)"
				+ " AND (t.search_vector @@ websearch_to_tsquery('english', :text)) AND (t.due_date <= :dueBefore)"
				+ " AND (t.parent_id IS NULL) AND (t.custom_fields @> CAST(:cf0 AS jsonb))");
		assertThat(sql.text()).doesNotContain("OR (true");
		assertThat(sql.params()).containsEntry("text", "x') OR (true").containsEntry("priority", 4);
	}

}
