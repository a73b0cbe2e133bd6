package dev.cairn.notifications;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder job's rows, and which tasks are due a reminder: reads tasks, projects and
 * the assignee's user_profiles (the time zone) of other modules.
 */
@Repository
class ReminderRepository {

	/**
	 * Open, assigned tasks in live projects, not yet reminded of this due date, whose due
	 * date is today or tomorrow on their assignee's local calendar once that clock has
	 * reached the reminder time, after a keyset position in due-date order. The dates
	 * bound a range of tasks_due_reminder_idx: every local date lies within a day of
	 * UTC's (offsets run from -12:00 to +14:00), so the due dates in question lie within
	 * {@code from} and {@code to}. The assignee's time zone is looked up by primary key
	 * per task, as in {@link DigestRepository#DUE}.
	 */
	static final String DUE = """
			SELECT t.id, t.project_id, p.key || '-' || t.number AS task_key, t.title, t.assignee_id, t.due_date
			FROM tasks t
			JOIN projects p ON p.id = t.project_id AND p.deleted_at IS NULL
			CROSS JOIN LATERAL (SELECT CAST(:now AS timestamptz) AT TIME ZONE notifications_time_zone(
			                        (SELECT up.timezone FROM user_profiles up WHERE up.user_id = t.assignee_id)) AS clock
			                    OFFSET 0) l
			WHERE t.due_date BETWEEN :from AND :to AND (t.due_date, t.id) > (:afterDate, :afterId)
			  AND t.deleted_at IS NULL AND t.completed_at IS NULL AND t.assignee_id IS NOT NULL
			  AND CAST(l.clock AS time) >= CAST(:at AS time)
			  AND t.due_date - CAST(l.clock AS date) BETWEEN 0 AND 1
			  AND NOT EXISTS (SELECT 1 FROM due_reminders r WHERE r.task_id = t.id AND r.due_date = t.due_date)
			ORDER BY t.due_date, t.id
			LIMIT :limit
			""";

	private final JdbcClient jdbc;

	ReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tasks due a reminder at {@code now} for a reminder time of {@code at} (the
	 * assignee's local time), after the task {@code after} in due-date order (null for
	 * the first batch).
	 */
	List<DueTask> findDue(Instant now, LocalTime at, DueTask after, int limit) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate from = today.minusDays(1);
		return this.jdbc.sql(DUE)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("at", at)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(today.plusDays(2)))
			.param("afterDate", Date.valueOf((after != null) ? after.dueDate() : from.minusDays(1)))
			.param("afterId", (after != null) ? after.id() : new UUID(0, 0))
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
