package dev.cairn.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.mail.Message;

import dev.cairn.testing.Accounts.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-date reminder and daily digest jobs, run directly at chosen times, years ahead,
 * which the scheduled runs (on the real clock) never reach: their notifications are dated
 * then, so that no scheduled digest lists them either. Where the time of day matters, the
 * job runs every quarter hour over days, as it is scheduled, and the test records when
 * each reminder or digest went out.
 */
class NotificationJobTests extends MailTestSupport {

	private static final Duration QUARTER = Duration.ofMinutes(15);

	@Autowired
	private DueReminders reminders;

	@Autowired
	private DailyDigest digest;

	@Test
	void anAssigneeIsRemindedOncePerTaskAndDueDate() throws Exception {
		SignedIn owner = user();
		SignedIn bob = user();
		UUID project = project(owner, bob);
		Map<?, ?> task = this.api.task(owner, project,
				Map.of("title", "Ship it", "assigneeId", bob.userId().toString(), "dueDate", "2031-03-10"));
		Map<?, ?> later = this.api.task(owner, project,
				Map.of("title", "Later", "assigneeId", bob.userId().toString(), "dueDate", "2031-03-12"));
		Map<?, ?> done = this.api.task(owner, project,
				Map.of("title", "Done already", "assigneeId", bob.userId().toString(), "dueDate", "2031-03-10",
						"statusId", this.api.status(project, "Done").toString()));
		this.api.task(owner, project, Map.of("title", "Nobody's", "dueDate", "2031-03-10"));

		this.reminders.remind(Instant.parse("2031-03-09T12:00:00Z"));
		this.reminders.remind(Instant.parse("2031-03-09T12:15:00Z"));

		assertThat(reminded(task)).isEqualTo(1);
		assertThat(reminded(later)).isZero();
		assertThat(reminded(done)).isZero();
		Message mail = awaitMailSaying(bob.email(), task.get("key") + " is due on 2031-03-10.");
		assertThat(mail.getSubject()).isEqualTo("[" + task.get("key") + "] Ship it");
		assertThat(html(mail)).contains("is due on <strong>2031-03-10</strong>");
		assertThat(dueMails(bob)).extracting(Message::getSubject).containsExactly("[" + task.get("key") + "] Ship it");
		List<?> feed = (List<?>) this.api.page(bob, "/api/v1/me/notifications/feed").get("items");
		assertThat(feed).filteredOn((item) -> "dueSoon".equals(((Map<?, ?>) item).get("kind")))
			.singleElement()
			.satisfies((item) -> {
				assertThat(((Map<?, ?>) item).get("dueDate")).isEqualTo("2031-03-10");
				assertThat(((Map<?, ?>) item).get("taskId")).isEqualTo(task.get("id"));
			});

		// A new due date is a new reminder; the old one is not sent again.
		this.api.call(owner, HttpMethod.PATCH, "/api/v1/tasks/" + task.get("id"), Map.of("dueDate", "2031-03-11"))
			.expectStatus()
			.isOk();
		this.reminders.remind(Instant.parse("2031-03-10T09:00:00Z"));
		assertThat(reminded(task)).isEqualTo(2);
		assertThat(dueMails(bob)).hasSize(2);
	}

	@Test
	void anAssigneeIsRemindedFromNineOnTheDayBeforeTheDueDateOnTheirOwnCalendar() {
		SignedIn owner = user();
		SignedIn tokyo = user("Asia/Tokyo");
		SignedIn losAngeles = user("America/Los_Angeles");
		UUID project = project(owner, tokyo, losAngeles);
		Map<String, Map<?, ?>> tasks = new LinkedHashMap<>();
		tasks.put("Tokyo, due on the 15th", dueTask(owner, project, tokyo, "2032-03-15"));
		tasks.put("Los Angeles, due on the 14th", dueTask(owner, project, losAngeles, "2032-03-14"));
		// Los Angeles moves its clocks on at 02:00 on the 14th: 09:00 is an hour
		// earlier in UTC.
		tasks.put("Los Angeles, due on the 15th", dueTask(owner, project, losAngeles, "2032-03-15"));
		Map<String, List<Instant>> remindedAt = new LinkedHashMap<>();

		everyQuarter(Instant.parse("2032-03-12T00:00:00Z"), Instant.parse("2032-03-16T00:00:00Z"), (now) -> {
			this.reminders.remind(now);
			this.reminders.remind(now);
			tasks.forEach((name, task) -> {
				List<Instant> times = remindedAt.computeIfAbsent(name, (key) -> new ArrayList<>());
				for (long i = times.size(); i < reminded(task); i++) {
					times.add(now);
				}
			});
		});

		assertThat(remindedAt).containsExactly(
				Map.entry("Tokyo, due on the 15th", List.of(Instant.parse("2032-03-14T00:00:00Z"))),
				Map.entry("Los Angeles, due on the 14th", List.of(Instant.parse("2032-03-13T17:00:00Z"))),
				Map.entry("Los Angeles, due on the 15th", List.of(Instant.parse("2032-03-14T16:00:00Z"))));
	}

	@Test
	void theDigestListsTheDaysUnreadNotificationsOncePerDay() throws Exception {
		SignedIn owner = user();
		SignedIn reader = user();
		SignedIn quiet = user();
		UUID project = project(owner, reader, quiet);
		Map<?, ?> first = this.api.task(owner, project,
				Map.of("title", "First <b>", "assigneeId", reader.userId().toString()));
		Map<?, ?> second = this.api.task(owner, project,
				Map.of("title", "Second", "assigneeId", reader.userId().toString()));
		awaitNotification(reader, lastEvent(first.get("id"), "task.created"));
		awaitNotification(reader, lastEvent(second.get("id"), "task.created"));
		dateNotifications(reader, first, Instant.parse("2031-06-01T05:00:00Z"));
		dateNotifications(reader, second, Instant.parse("2031-06-01T06:00:00Z"));
		String firstId = (String) ((Map<?, ?>) ((List<?>) this.api.page(reader, "/api/v1/me/notifications/feed")
			.get("items")).get(1)).get("id");
		this.api.call(reader, HttpMethod.POST, "/api/v1/me/notifications/feed/" + firstId + "/read", null)
			.expectStatus()
			.isNoContent();
		subscribe(reader, quiet);

		this.digest.send(Instant.parse("2031-06-01T07:00:00Z"));
		// A later run the same day sends nothing more.
		this.digest.send(Instant.parse("2031-06-01T07:15:00Z"));

		Message mail = awaitMail(reader.email(), "Your Cairn digest");
		assertThat(mail.getSubject()).isEqualTo("Your Cairn digest: 1 unread notification");
		assertThat(text(mail)).contains(second.get("key") + " Second: Test User assigned it to you")
			.doesNotContain((String) first.get("key"));
		assertThat(html(mail)).contains(PUBLIC_URL + "/tasks/" + second.get("key"));
		assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(settledMailsTo(reader.email(), "Your Cairn digest")).hasSize(1);
		assertThat(settledMailsTo(quiet.email(), "Your Cairn digest")).isEmpty();
	}

	@Test
	void eachSubscriberGetsTheDigestAtSevenOnTheirOwnClockOncePerLocalDay() {
		SignedIn owner = user();
		SignedIn tokyo = user("Asia/Tokyo");
		SignedIn losAngeles = user("America/Los_Angeles");
		// A zone the database does not know counts as UTC, as no zone does.
		SignedIn unknown = user();
		this.jdbc.sql("""
				INSERT INTO user_profiles (user_id, timezone) VALUES (:id, 'Mars/Olympus')
				ON CONFLICT (user_id) DO UPDATE SET timezone = excluded.timezone
				""").param("id", unknown.userId()).update();
		UUID project = project(owner, tokyo, losAngeles, unknown);
		// Something new every night at 03:00 local. In Los Angeles the clocks go on an
		// hour at 02:00 on 9 March: that night's 03:00 is at 10:00 UTC, not 11:00.
		unreadAt(owner, project, tokyo, "2031-03-06T18:00:00Z", "2031-03-07T18:00:00Z", "2031-03-08T18:00:00Z");
		unreadAt(owner, project, losAngeles, "2031-03-08T11:00:00Z", "2031-03-09T10:00:00Z", "2031-03-10T10:00:00Z");
		unreadAt(owner, project, unknown, "2031-03-07T03:00:00Z", "2031-03-08T03:00:00Z");
		subscribe(tokyo, losAngeles, unknown);

		everyQuarter(Instant.parse("2031-03-06T18:15:00Z"), Instant.parse("2031-03-11T00:00:00Z"), (now) -> {
			this.digest.send(now);
			this.digest.send(now);
		});

		// Los Angeles gets none on the 7th: nothing came in the day before.
		assertThat(digests(tokyo)).containsExactly("2031-03-07 at 2031-03-06T22:00:00Z",
				"2031-03-08 at 2031-03-07T22:00:00Z", "2031-03-09 at 2031-03-08T22:00:00Z");
		assertThat(digests(losAngeles)).containsExactly("2031-03-08 at 2031-03-08T15:00:00Z",
				"2031-03-09 at 2031-03-09T14:00:00Z", "2031-03-10 at 2031-03-10T14:00:00Z");
		assertThat(digests(unknown)).containsExactly("2031-03-07 at 2031-03-07T07:00:00Z",
				"2031-03-08 at 2031-03-08T07:00:00Z");
		// Each lists what came since the one before, so each time just one.
		for (SignedIn user : List.of(tokyo, losAngeles, unknown)) {
			assertThat(settledMailsTo(user.email(), "Your Cairn digest")).hasSize(digests(user).size())
				.extracting(Message::getSubject)
				.containsOnly("Your Cairn digest: 1 unread notification");
		}
	}

	@Test
	void aDigestTimeThatDaylightSavingSkipsOrRepeatsStillSendsOneDigest() {
		SignedIn owner = user();
		SignedIn losAngeles = user("America/Los_Angeles");
		UUID project = project(owner, losAngeles);
		unreadAt(owner, project, losAngeles, "2031-03-09T08:00:00Z", "2031-11-02T07:00:00Z");
		subscribe(losAngeles);

		// 9 March: 01:59 PST is followed by 03:00 PDT (10:00 UTC), so there is no 02:30.
		everyQuarter(Instant.parse("2031-03-09T08:15:00Z"), Instant.parse("2031-03-09T20:00:00Z"),
				(now) -> this.digest.send(now, LocalTime.of(2, 30)));
		// 2 November: 01:00 to 02:00 comes twice, first PDT (08:00 UTC), then PST.
		everyQuarter(Instant.parse("2031-11-02T07:15:00Z"), Instant.parse("2031-11-02T20:00:00Z"),
				(now) -> this.digest.send(now, LocalTime.of(1, 30)));

		assertThat(digests(losAngeles)).containsExactly("2031-03-09 at 2031-03-09T10:00:00Z",
				"2031-11-02 at 2031-11-02T08:30:00Z");
		assertThat(settledMailsTo(losAngeles.email(), "Your Cairn digest")).hasSize(2);
	}

	private SignedIn user(String zone) {
		SignedIn user = user();
		this.api.call(user, HttpMethod.PATCH, "/api/v1/me", Map.of("profile", Map.of("timezone", zone)))
			.expectStatus()
			.isOk();
		return user;
	}

	private Map<?, ?> dueTask(SignedIn owner, UUID project, SignedIn assignee, String dueDate) {
		return this.api.task(owner, project,
				Map.of("title", "Due " + dueDate, "assigneeId", assignee.userId().toString(), "dueDate", dueDate));
	}

	private void subscribe(SignedIn... users) {
		for (SignedIn user : users) {
			this.api.call(user, HttpMethod.PATCH, "/api/v1/me/notifications", Map.of("dailyDigest", true))
				.expectStatus()
				.isOk();
		}
	}

	/** Gives the user one unread notification made at each of the times. */
	private void unreadAt(SignedIn owner, UUID project, SignedIn user, String... times) {
		for (String time : times) {
			Map<?, ?> task = this.api.task(owner, project,
					Map.of("title", "Made at " + time, "assigneeId", user.userId().toString()));
			awaitNotification(user, lastEvent(task.get("id"), "task.created"));
			dateNotifications(user, task, Instant.parse(time));
		}
	}

	private void dateNotifications(SignedIn user, Map<?, ?> task, Instant createdAt) {
		this.jdbc.sql("UPDATE notifications SET created_at = :at WHERE user_id = :user AND task_id = :task")
			.param("at", Timestamp.from(createdAt))
			.param("user", user.userId())
			.param("task", UUID.fromString((String) task.get("id")))
			.update();
	}

	private static void everyQuarter(Instant from, Instant until, Consumer<Instant> run) {
		for (Instant now = from; now.isBefore(until); now = now.plus(QUARTER)) {
			run.accept(now);
		}
	}

	/** The user's digests: their local day and when it went out. */
	private List<String> digests(SignedIn user) {
		return this.jdbc.sql("SELECT day, sent_at FROM notification_digests WHERE user_id = :user ORDER BY day")
			.param("user", user.userId())
			.query((rs, row) -> rs.getObject("day", LocalDate.class) + " at "
					+ rs.getObject("sent_at", OffsetDateTime.class).toInstant())
			.list();
	}

	private List<Message> dueMails(SignedIn user) {
		return settledMailsTo(user.email(), "[").stream().filter((mail) -> text(mail).contains("is due on")).toList();
	}

	private long reminded(Map<?, ?> task) {
		UUID id = UUID.fromString((String) task.get("id"));
		long reminders = this.jdbc.sql("SELECT count(*) FROM due_reminders WHERE task_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		long notifications = this.jdbc
			.sql("SELECT count(*) FROM notifications WHERE task_id = :id AND kind = 'due_soon'")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(notifications).as("notifications of the reminders").isEqualTo(reminders);
		return reminders;
	}

}
