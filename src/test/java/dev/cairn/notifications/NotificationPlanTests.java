package dev.cairn.notifications;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of the notification queries on 100 000 tasks, 200 000 notifications and 20
 * 000 users (with profiles, and a month of digests of the 1 % who take one): the feed,
 * the reminder job and the digest job each read a range of their own index, so their cost
 * does not grow with the tables. Each statement is the one the repository runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class NotificationPlanTests {

	private JdbcClient jdbc;

	private UUID reader;

	@BeforeAll
	void largeTables() {
		DataSource dataSource = TestDatabase.migrated().dataSource();
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("""
				INSERT INTO users (id, email, display_name)
				SELECT uuidv7(), 'user' || n || '@example.com', 'User ' || n FROM generate_series(1, 20000) n;
				INSERT INTO notification_preferences (user_id, daily_digest)
				SELECT id, row_number() OVER (ORDER BY id) % 100 = 0 FROM users;
				INSERT INTO user_profiles (user_id, timezone)
				SELECT id, (ARRAY['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles', NULL])[1 + n % 4]
				FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) u;
				-- A month of digests of each subscriber.
				INSERT INTO notification_digests (user_id, day, sent_at)
				SELECT np.user_id, DATE '2027-05-01' + d, TIMESTAMPTZ '2027-05-01 07:00Z' + d * INTERVAL '1 day'
				FROM notification_preferences np CROSS JOIN generate_series(0, 30) d WHERE np.daily_digest;
				INSERT INTO projects (id, key, name) SELECT uuidv7(), 'P' || n, 'Project ' || n
				FROM generate_series(1, 20) n;
				INSERT INTO statuses (id, project_id, name, category, position)
				SELECT uuidv7(), p.id, s.name, s.category, s.position FROM projects p
				CROSS JOIN (VALUES ('Todo', 'unstarted', 0), ('Done', 'completed', 1)) s (name, category, position);
				INSERT INTO project_members (project_id, user_id, role)
				SELECT p.id, u.id, 'member' FROM projects p
				CROSS JOIN (SELECT id FROM users ORDER BY id LIMIT 2000) u;
				""").update();
		this.jdbc
			.sql("""
					WITH people AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM users ORDER BY id LIMIT 2000) u),
					statuses AS (SELECT project_id, array_agg(id ORDER BY position) AS ids FROM statuses GROUP BY project_id)
					INSERT INTO tasks (id, project_id, number, title, status_id, assignee_id, reporter_id, due_date, position,
					                   completed_at)
					SELECT uuidv7(), s.project_id, n, 'Task ' || n, s.ids[1 + n % 2], people.ids[1 + n % 2000],
					       people.ids[1 + (n * 7) % 2000], DATE '2027-01-01' + (n % 730), n::bigint * 65536,
					       CASE WHEN n % 2 = 1 THEN now() END
					FROM statuses s CROSS JOIN people CROSS JOIN generate_series(1, 5000) n;
					INSERT INTO notifications (id, user_id, kind, project_id, task_id, in_app, emailed, read_at)
					SELECT uuidv7(), t.assignee_id, 'assigned', t.project_id, t.id, true, true,
					       CASE WHEN t.number % 10 <> 0 THEN now() END
					FROM tasks t;
					INSERT INTO notifications (id, user_id, kind, project_id, task_id, in_app, emailed)
					SELECT uuidv7(), t.reporter_id, 'commented', t.project_id, t.id, t.number % 3 <> 0, true
					FROM tasks t;
					-- A busy reader: 3 000 more, among 200 000.
					INSERT INTO notifications (id, user_id, kind, project_id, task_id, in_app, emailed)
					SELECT uuidv7(), (SELECT id FROM users ORDER BY id LIMIT 1), 'mentioned', t.project_id, t.id,
					       true, true
					FROM tasks t WHERE t.number % 33 = 0;
					ANALYZE;
					""")
			.update();
		this.reader = this.jdbc.sql("SELECT id FROM users ORDER BY id LIMIT 1").query(UUID.class).single();
	}

	@Test
	void theFeedIsARangeOfItsIndexFirstPageAndNext() {
		UUID middle = this.jdbc.sql("""
				SELECT id FROM notifications WHERE user_id = :u AND in_app ORDER BY id DESC OFFSET 500 LIMIT 1
				""").param("u", this.reader).query(UUID.class).single();
		assertThat(explain(NotificationRepository.pageQuery(false, false), Map.of("userId", this.reader, "limit", 51)))
			.contains("notifications_feed_idx")
			.doesNotContain("Seq Scan on notifications", "Sort  ");
		String next = explain(NotificationRepository.pageQuery(false, true),
				Map.of("userId", this.reader, "limit", 51, "after", middle));
		assertThat(next).contains("notifications_feed_idx").doesNotContain("Seq Scan on notifications", "Sort  ");
		assertThat(next.lines().filter((line) -> line.contains(middle.toString())))
			.allMatch((line) -> line.contains("Index Cond"))
			.isNotEmpty();
		assertThat(explain(NotificationRepository.pageQuery(true, false), Map.of("userId", this.reader, "limit", 51)))
			.contains("notifications_unread_idx")
			.doesNotContain("Seq Scan on notifications", "Sort  ");
	}

	@Test
	void theReminderJobReadsTheDaysOfItsIndexOnly() {
		Map<String, Object> params = new HashMap<>(Map.of("now", OffsetDateTime.parse("2027-06-01T12:00:00Z"), "at",
				LocalTime.of(9, 0), "from", Date.valueOf(LocalDate.of(2027, 5, 31)), "to",
				Date.valueOf(LocalDate.of(2027, 6, 3)), "limit", 200));
		params.putAll(Map.of("afterDate", Date.valueOf(LocalDate.of(2027, 5, 30)), "afterId", new UUID(0, 0)));
		String plan = explain(ReminderRepository.DUE, params);
		assertThat(plan).contains("tasks_due_reminder_idx").doesNotContain("Seq Scan on tasks");
	}

	@Test
	void theDigestJobReadsTheSubscribersOnly() {
		String plan = explain(DigestRepository.DUE, Map.of("now", OffsetDateTime.parse("2027-06-01T12:00:00Z"), "at",
				LocalTime.of(7, 0), "after", new UUID(0, 0), "limit", 100));
		assertThat(plan).contains("notification_preferences_digest_idx")
			.doesNotContain("Seq Scan on notification_preferences", "Seq Scan on user_profiles",
					"Seq Scan on notification_digests");
	}

	private String explain(String sql, Map<String, ?> params) {
		return this.jdbc.sql("EXPLAIN " + sql)
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

}
