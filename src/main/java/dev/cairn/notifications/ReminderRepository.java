package dev.cairn.notifications;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReminderRepository {

	/**
	 * Open, assigned tasks due between two dates (inclusive) in live projects, not yet
	 * reminded of this due date, in due-date order: a range of tasks_due_reminder_idx.
	 */
	static final String DUE = """
			SELECT t.id, t.project_id, p.key || '-' || t.number AS task_key, t.title, t.assignee_id, t.due_date
			FROM tasks t
			JOIN projects p ON p.id = t.project_id AND p.deleted_at IS NULL
			WHERE t.due_date BETWEEN :from AND :to
			  AND t.deleted_at IS NULL AND t.completed_at IS NULL AND t.assignee_id IS NOT NULL
			  AND NOT EXISTS (SELECT 1 FROM due_reminders r WHERE r.task_id = t.id AND r.due_date = t.due_date)
			ORDER BY t.due_date, t.id
			LIMIT :limit
			""";

	private final JdbcClient jdbc;

	ReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DueTask> findDue(LocalDate from, LocalDate to, int limit) {
		return this.jdbc.sql(DUE)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("limit", limit)
			.query((rs, row) -> new DueTask(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
					rs.getString("task_key"), rs.getString("title"), rs.getObject("assignee_id", UUID.class),
					rs.getObject("due_date", LocalDate.class)))
			.list();
	}

	/**
	 * Claims the reminder of this task for this due date.
	 * @return false when it was claimed before (by this run or another node's)
	 */
	boolean claim(UUID taskId, LocalDate dueDate) {
		return this.jdbc.sql("""
				INSERT INTO due_reminders (task_id, due_date) VALUES (:taskId, :dueDate)
				ON CONFLICT (task_id, due_date) DO NOTHING
				""").param("taskId", taskId).param("dueDate", Date.valueOf(dueDate)).update() == 1;
	}

	record DueTask(UUID id, UUID projectId, String key, String title, UUID assigneeId, LocalDate dueDate) {
	}

}
