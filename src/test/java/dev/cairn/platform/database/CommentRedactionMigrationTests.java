package dev.cairn.platform.database;

import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.cairn.platform.Ids;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V16 links the comment edits recorded before it to their comment, by following each
 * comment's text from its creation through its author's edits on the task, so that
 * deleting an old comment redacts its old edits too.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class CommentRedactionMigrationTests {

	private final DataSource dataSource = TestDatabase.create().dataSource();

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	@Test
	void editsRecordedBeforeV16AreLinkedToTheirComment() {
		migrateTo("15");
		SchemaRows rows = new SchemaRows(this.jdbc);
		UUID author = rows.user("author-" + UUID.randomUUID() + "@example.com");
		UUID other = rows.user("other-" + UUID.randomUUID() + "@example.com");
		UUID project = rows.project("MIG");
		UUID task = rows.task(project, rows.status(project), 1);
		UUID first = Ids.newId();
		UUID second = Ids.newId();
		created(task, author, first, "v1");
		created(task, author, second, "other text");
		UUID edit1 = edited(task, author, "v1", "v2");
		UUID edit2 = edited(task, author, "v2", "v3");
		UUID unrelated = edited(task, author, "never said", "v4");
		UUID byAnother = edited(task, other, "v3", "v5");
		// Two comments of the author with the same text: their edit could be either's.
		created(task, author, Ids.newId(), "LGTM");
		created(task, author, Ids.newId(), "LGTM");
		UUID ambiguous = edited(task, author, "LGTM", "LGTM!");
		// A comment whose author's account is gone (actor null).
		UUID orphan = Ids.newId();
		created(task, null, orphan, "w1");
		UUID orphanEdit = edited(task, null, "w1", "w2");

		migrateTo("16");

		assertThat(commentOf(edit1)).isEqualTo(first.toString());
		assertThat(commentOf(edit2)).isEqualTo(first.toString());
		assertThat(commentOf(unrelated)).isNull();
		assertThat(commentOf(byAnother)).as("only the author edits a comment").isNull();
		assertThat(commentOf(ambiguous)).as("left unlinked rather than guessed").isNull();
		assertThat(commentOf(orphanEdit)).isEqualTo(orphan.toString());
	}

	private void migrateTo(String version) {
		Flyway.configure().dataSource(this.dataSource).target(version).load().migrate();
	}

	private void created(UUID task, UUID actor, UUID comment, String body) {
		event("comment.created", task, actor,
				"{\"after\": {\"commentId\": \"" + comment + "\", \"body\": \"" + body + "\"}}");
	}

	private UUID edited(UUID task, UUID actor, String before, String after) {
		return event("comment.updated", task, actor, "{\"before\": {\"body\": \"" + before
				+ "\"}, \"after\": {\"body\": \"" + after + "\"}, \"changes\": [\"body\"]}");
	}

	private UUID event(String type, UUID task, UUID actor, String data) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO events (id, type, task_id, actor_id, data)
				VALUES (:id, :type, :task, :actor, CAST(:data AS jsonb))
				""")
			.param("id", id)
			.param("type", type)
			.param("task", task)
			.param("actor", actor)
			.param("data", data)
			.update();
		return id;
	}

	private String commentOf(UUID event) {
		return this.jdbc.sql("SELECT data -> 'after' ->> 'commentId' FROM events WHERE id = :id")
			.param("id", event)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

}
