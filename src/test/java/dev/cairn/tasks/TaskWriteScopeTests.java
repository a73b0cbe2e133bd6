package dev.cairn.tasks;

import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write on a task reached by its id carries the project the caller was authorized for:
 * given another project, it touches nothing.
 */
class TaskWriteScopeTests extends ApiTestSupport {

	@Autowired
	private TaskRepository tasks;

	@Autowired
	private TaskPlacementRepository placements;

	@Test
	void aWriteScopedToAnotherProjectChangesNothing() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID other = this.api.project(owner);
		UUID id = UUID.fromString((String) this.api.task(owner, project, Map.of("title", "Scoped")).get("id"));
		Task task = this.tasks.find(id).orElseThrow();
		String before = row(id);

		this.tasks.update(task.toBuilder().projectId(other).title("Moved elsewhere").build(), false);
		this.tasks.setDeleted(other, id, true);
		this.tasks.newVersion(other, id);
		this.placements.move(other, id, task.statusId(), task.position() + 1, true);

		assertThat(row(id)).isEqualTo(before);
		this.tasks.newVersion(project, id);
		assertThat(row(id)).as("the same write scoped to the task's own project").isNotEqualTo(before);
	}

	private String row(UUID id) {
		return this.jdbc.sql("SELECT t::text FROM tasks t WHERE id = :id").param("id", id).query(String.class).single();
	}

}
