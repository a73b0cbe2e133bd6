package dev.cairn.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks are mapped from rows by column position, so every statement that reads tasks is
 * read back here with a different value in each column: a column out of place shows as a
 * field with another field's value.
 */
class TaskRepositoryTests extends ApiTestSupport {

	@Autowired
	TaskRepository tasks;

	@Test
	void everyReadMapsEachColumnToItsOwnField() {
		SignedIn owner = this.users.signedIn();
		SignedIn assignee = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, assignee, "member");
		UUID status = this.api.status(project, "Done");
		UUID parent = id(this.api.task(owner, project, Map.of("title", "Parent")));
		Map<?, ?> created = this.api.task(owner, project,
				Map.of("title", "Every field", "description", "Said once", "statusId", status.toString(), "priority",
						"high", "assigneeId", assignee.userId().toString(), "parentId", parent.toString(), "startDate",
						"2026-12-01", "dueDate", "2026-12-24", "estimate", 2.5));
		UUID id = id(created);
		UUID label = id(this.api.created(owner, "/api/v1/projects/" + project + "/labels", Map.of("name", "Mapped")));
		this.api.call(owner, HttpMethod.PUT, "/api/v1/tasks/" + id + "/labels/" + label, null).expectStatus().isOk();

		Task task = this.tasks.find(id).orElseThrow();
		assertThat(task.id()).isEqualTo(id);
		assertThat(task.projectId()).isEqualTo(project);
		assertThat(task.key()).isEqualTo(created.get("key"));
		assertThat(task.number()).isEqualTo(created.get("number"));
		assertThat(task.title()).isEqualTo("Every field");
		assertThat(task.description()).isEqualTo("Said once");
		assertThat(task.statusId()).isEqualTo(status);
		assertThat(task.priority()).isEqualTo(Priority.HIGH);
		assertThat(task.assigneeId()).isEqualTo(assignee.userId());
		assertThat(task.reporterId()).isEqualTo(owner.userId());
		assertThat(task.parentId()).isEqualTo(parent);
		assertThat(task.startDate()).isEqualTo(LocalDate.parse("2026-12-01"));
		assertThat(task.dueDate()).isEqualTo(LocalDate.parse("2026-12-24"));
		assertThat(task.estimate()).isEqualByComparingTo(new BigDecimal("2.5"));
		assertThat(task.position()).isPositive();
		assertThat(task.customFields()).isEqualTo("{}");
		assertThat(task.completedAt()).isNotNull(); // created in a completed status
		assertThat(task.createdAt()).isNotNull();
		assertThat(task.updatedAt()).isAfterOrEqualTo(task.createdAt());
		assertThat(task.deletedAt()).isNull();
		assertThat(task.version()).isEqualTo(((Number) created.get("version")).longValue() + 1); // labelled

		assertThat(this.tasks.findLabeled(id)).hasValue(new TaskRepository.Labeled(task, List.of(label)));
		assertThat(this.tasks.findLabeledByKey(task.projectKey(), task.number()))
			.hasValue(new TaskRepository.Labeled(task, List.of(label)));
		TaskFilter onlyThisOne = TaskFilter.NONE.withLabel(label);
		assertThat(this.tasks.findPage(project, onlyThisOne, TaskSort.parse(null), null, 50))
			.containsExactly(new TaskRepository.Labeled(task, List.of(label)));

		this.api.call(owner, HttpMethod.DELETE, "/api/v1/tasks/" + id, null).expectStatus().isNoContent();
		Task trashed = this.tasks.find(id).orElseThrow();
		assertThat(trashed.deletedAt()).isAfterOrEqualTo(task.createdAt());
		assertThat(trashed.completedAt()).isEqualTo(task.completedAt());
	}

	private static UUID id(Map<?, ?> body) {
		return UUID.fromString((String) body.get("id"));
	}

}
