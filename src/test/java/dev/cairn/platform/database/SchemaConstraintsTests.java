package dev.cairn.platform.database;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.cairn.platform.Ids;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.cairn.platform.database.SchemaRows.uniqueEmail;
import static dev.cairn.platform.database.SchemaRows.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The constraints that protect data even from code that forgets a check.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class SchemaConstraintsTests {

	private static JdbcClient jdbc;

	private static SchemaRows rows;

	@BeforeAll
	static void migrate() {
		DataSource dataSource = TestDatabase.migrated().dataSource();
		Flyway.configure().dataSource(dataSource).load().migrate();
		jdbc = JdbcClient.create(dataSource);
		rows = new SchemaRows(jdbc);
	}

	@Test
	void emailIsUniqueWhateverItsCase() {
		String email = uniqueEmail();
		rows.user(email);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> rows.user(email.toUpperCase()))
			.withMessageContaining("users_email_key");
	}

	@Test
	void invitationAddressesAreStoredFoldedAndInvitedOncePerProject() {
		UUID project = rows.project(uniqueKey());
		String email = uniqueEmail();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> invitation(project, email.toUpperCase()))
			.withMessageContaining("project_invitations_email_check");
		invitation(project, email);
		invitation(rows.project(uniqueKey()), email);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> invitation(project, email))
			.withMessageContaining("project_invitations_project_id_email_key");
	}

	private static void invitation(UUID project, String email) {
		jdbc.sql("""
				INSERT INTO project_invitations (id, project_id, email, role, expires_at)
				VALUES (:id, :p, :e, 'member', now() + interval '1 day')
				""").param("id", Ids.newId()).param("p", project).param("e", email).update();
	}

	@Test
	void projectKeysAreShortUppercaseWords() {
		for (String bad : new String[] { "ab", "A", "1AB", "ABCDEFGHIJK", "AB-C", "ÄB" }) {
			assertThatExceptionOfType(DataIntegrityViolationException.class).as(bad)
				.isThrownBy(() -> rows.project(bad))
				.withMessageContaining("projects_key_check");
		}
		String key = uniqueKey();
		rows.project(key);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> rows.project(key));
	}

	@Test
	void priorityIsOneOfFiveLevels() {
		UUID project = rows.project(uniqueKey());
		UUID status = rows.status(project);
		rows.task(project, status, 1, null, 4);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> rows.task(project, status, 2, null, 5))
			.withMessageContaining("tasks_priority_check");
	}

	@Test
	void taskNumbersAreUniquePerProject() {
		UUID project = rows.project(uniqueKey());
		UUID other = rows.project(uniqueKey());
		rows.task(project, rows.status(project), 7);
		rows.task(other, rows.status(other), 7);
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> rows.task(project, rows.status(project), 7))
			.withMessageContaining("tasks_project_id_number_key");
	}

	@Test
	void aTaskCannotHaveAParentOrStatusFromAnotherProject() {
		UUID project = rows.project(uniqueKey());
		UUID other = rows.project(uniqueKey());
		UUID foreignParent = rows.task(other, rows.status(other), 1);
		UUID status = rows.status(project);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> rows.task(project, status, 1, foreignParent, 0))
			.withMessageContaining("tasks_project_id_parent_id_fkey");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> rows.task(project, rows.status(other), 2))
			.withMessageContaining("tasks_project_id_status_id_fkey");
	}

	@Test
	void aTaskCannotCarryALabelOfAnotherProject() {
		UUID project = rows.project(uniqueKey());
		UUID other = rows.project(uniqueKey());
		UUID task = rows.task(project, rows.status(project), 1);
		UUID foreignLabel = rows.label(other, "bug");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> rows.taskLabel(project, task, foreignLabel))
			.withMessageContaining("task_labels_project_id_label_id_fkey");
	}

	@Test
	void labelNamesAreUniquePerProjectWhateverTheirCase() {
		UUID project = rows.project(uniqueKey());
		rows.label(project, "Bug");
		rows.label(rows.project(uniqueKey()), "bug");
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> rows.label(project, "bug"))
			.withMessageContaining("labels_project_name_key");
	}

	@Test
	void deletingAProjectDeletesEverythingInIt() {
		UUID project = rows.project(uniqueKey());
		UUID user = rows.user(uniqueEmail());
		jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:p, :u, 'owner')")
			.param("p", project)
			.param("u", user)
			.update();
		UUID status = rows.status(project);
		UUID task = rows.task(project, status, 1);
		UUID label = rows.label(project, "bug");
		rows.taskLabel(project, task, label);
		jdbc.sql("INSERT INTO comments (id, task_id, author_id, body) VALUES (:id, :t, :u, 'hello')")
			.param("id", Ids.newId())
			.param("t", task)
			.param("u", user)
			.update();

		jdbc.sql("DELETE FROM projects WHERE id = :id").param("id", project).update();

		for (String table : new String[] { "project_members", "statuses", "tasks", "labels", "task_labels" }) {
			assertThat(count(table + " WHERE project_id = :id", project)).as(table).isZero();
		}
		assertThat(count("comments WHERE task_id = :id", task)).isZero();
		assertThat(count("users WHERE id = :id", user)).isOne();
	}

	@Test
	void aStatusInUseCannotBeDeleted() {
		UUID project = rows.project(uniqueKey());
		UUID status = rows.status(project);
		rows.task(project, status, 1);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("DELETE FROM statuses WHERE id = :id").param("id", status).update())
			.withMessageContaining("tasks_project_id_status_id_fkey");
	}

	@Test
	void deletingAUserKeepsTheirTasksAndCommentsWithoutThem() {
		UUID user = rows.user(uniqueEmail());
		UUID project = rows.project(uniqueKey());
		UUID task = rows.task(project, rows.status(project), 1);
		jdbc.sql("UPDATE tasks SET assignee_id = :u, reporter_id = :u WHERE id = :t")
			.param("u", user)
			.param("t", task)
			.update();

		jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user).update();

		assertThat(count("tasks WHERE id = :id AND assignee_id IS NULL AND reporter_id IS NULL", task)).isOne();
	}

	@Test
	void purgingAParentKeepsItsSubtasksInTheirProject() {
		UUID project = rows.project(uniqueKey());
		UUID status = rows.status(project);
		UUID parent = rows.task(project, status, 1);
		UUID child = rows.task(project, status, 2, parent, 0);

		jdbc.sql("DELETE FROM tasks WHERE id = :id").param("id", parent).update();

		assertThat(count("tasks WHERE id = :id AND parent_id IS NULL AND project_id = '" + project + "'", child))
			.isOne();
	}

	@Test
	void updatedAtIsSetByTheTriggerOnEveryUpdate() {
		UUID user = rows.user(uniqueEmail());
		jdbc.sql("UPDATE users SET updated_at = '2000-01-01T00:00:00Z' WHERE id = :id").param("id", user).update();
		OffsetDateTime updated = jdbc.sql("SELECT updated_at FROM users WHERE id = :id")
			.param("id", user)
			.query(OffsetDateTime.class)
			.single();
		assertThat(updated).isAfter(OffsetDateTime.now().minusMinutes(5));
	}

	@Test
	void eventsAreAppendOnlyButOutliveTheirActor() {
		UUID actor = rows.user(uniqueEmail());
		UUID event = Ids.newId();
		jdbc.sql("INSERT INTO events (id, type, actor_id, data) VALUES (:id, 'user.created', :actor, '{}')")
			.param("id", event)
			.param("actor", actor)
			.update();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("UPDATE events SET data = '{\"forged\": true}' WHERE id = :id")
				.param("id", event)
				.update())
			.withMessageContaining("events are append-only");

		jdbc.sql("DELETE FROM users WHERE id = :id").param("id", actor).update();

		assertThat(count("events WHERE id = :id AND actor_id IS NULL", event)).isOne();
	}

	@Test
	void aCommentsTextMayBeRedactedAndNothingElseRewritten() {
		UUID comment = Ids.newId();
		UUID created = event("comment.created",
				"{\"after\": {\"commentId\": \"" + comment + "\", \"body\": \"secret\"}}");
		UUID task = event("task.updated", "{\"before\": {\"body\": \"x\"}, \"after\": {\"body\": \"y\"}}");

		jdbc.sql("UPDATE events SET data = events_redacted(data) WHERE id = :id").param("id", created).update();
		assertThat(jdbc.sql("SELECT data::text FROM events WHERE id = :id")
			.param("id", created)
			.query(String.class)
			.single()).contains("\"redacted\": true").contains("\"body\": null").doesNotContain("secret");

		for (String forgery : List.of("UPDATE events SET data = events_redacted(data) WHERE id = :id",
				"UPDATE events SET data = data || '{\"after\": {\"body\": \"forged\"}}' WHERE id = :id")) {
			UUID id = forgery.contains("events_redacted") ? task : created;
			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> jdbc.sql(forgery).param("id", id).update())
				.withMessageContaining("events are append-only");
		}
		assertThatExceptionOfType(DataIntegrityViolationException.class).as("the text does not come back")
			.isThrownBy(() -> jdbc.sql("UPDATE events SET data = CAST(:data AS jsonb) WHERE id = :id")
				.param("data", "{\"after\": {\"commentId\": \"" + comment + "\", \"body\": \"secret\"}}")
				.param("id", created)
				.update());
	}

	@Test
	void aLiveCommentsTextCannotBeRedacted() {
		UUID project = rows.project(uniqueKey());
		UUID task = rows.task(project, rows.status(project), 1);
		UUID comment = Ids.newId();
		jdbc.sql("INSERT INTO comments (id, task_id, body) VALUES (:id, :task, 'still here')")
			.param("id", comment)
			.param("task", task)
			.update();
		UUID created = event("comment.created",
				"{\"after\": {\"commentId\": \"" + comment + "\", \"body\": \"still here\"}}");

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("UPDATE events SET data = events_redacted(data) WHERE id = :id")
				.param("id", created)
				.update())
			.withMessageContaining("events are append-only");
	}

	private UUID event(String type, String data) {
		UUID id = Ids.newId();
		jdbc.sql("INSERT INTO events (id, type, data) VALUES (:id, :type, CAST(:data AS jsonb))")
			.param("id", id)
			.param("type", type)
			.param("data", data)
			.update();
		return id;
	}

	@Test
	void fullTextSearchFindsStemmedWordsOfTitleAndDescription() {
		UUID project = rows.project(uniqueKey());
		UUID task = rows.task(project, rows.status(project), 1);
		jdbc.sql("UPDATE tasks SET title = 'Crashes when importing', description = 'Several reports' WHERE id = :id")
			.param("id", task)
			.update();
		assertThat(count("tasks WHERE id = :id AND search_vector @@ websearch_to_tsquery('english', 'crash import')",
				task))
			.isOne();
		assertThat(count("tasks WHERE id = :id AND search_vector @@ websearch_to_tsquery('english', 'report')", task))
			.isOne();
	}

	private static long count(String fromWhere, UUID id) {
		return jdbc.sql("SELECT count(*) FROM " + fromWhere).param("id", id).query(Long.class).single();
	}

}
