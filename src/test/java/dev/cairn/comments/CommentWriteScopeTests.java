package dev.cairn.comments;

import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write on a comment reached by its id carries the task whose project the caller was
 * authorized for: given another task, it touches nothing.
 */
class CommentWriteScopeTests extends ApiTestSupport {

	@Autowired
	private CommentRepository comments;

	@Test
	void aWriteScopedToAnotherTaskChangesNothing() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = (String) this.api.task(owner, project, Map.of("title", "Discussed")).get("id");
		UUID otherTask = UUID.fromString((String) this.api.task(owner, project, Map.of("title", "Other")).get("id"));
		UUID id = UUID.fromString((String) this.api
			.created(owner, "/api/v1/tasks/" + task + "/comments", Map.of("body", "Kept as written"))
			.get("id"));
		String before = row(id);

		this.comments.updateBody(otherTask, id, "Rewritten");
		this.comments.delete(otherTask, id);

		assertThat(row(id)).isEqualTo(before);
		this.comments.updateBody(UUID.fromString(task), id, "Rewritten");
		assertThat(row(id)).as("the same write scoped to the comment's own task").isNotEqualTo(before);
	}

	private String row(UUID id) {
		return this.jdbc.sql("SELECT c::text FROM comments c WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
