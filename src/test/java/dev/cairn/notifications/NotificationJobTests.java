package dev.cairn.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;

import dev.cairn.testing.Accounts.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-date reminder and daily digest jobs, run directly at a chosen time. The
 * reminder tests use dates years ahead, which the scheduled run (on the real clock) never
 * reaches.
 */
class NotificationJobTests extends MailTestSupport {

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
		this.reminders.remind(Instant.parse("2031-03-10T08:00:00Z"));
		assertThat(reminded(task)).isEqualTo(2);
		assertThat(dueMails(bob)).hasSize(2);
	}

	@Test
	void theDigestListsTheDaysUnreadNotificationsOncePerDay() throws Exception {
		SignedIn owner = user();
		SignedIn reader = user();
		SignedIn quiet = user();
		UUID project = project(owner, reader, quiet);
		for (SignedIn user : List.of(reader, quiet)) {
			this.api.call(user, HttpMethod.PATCH, "/api/v1/me/notifications", Map.of("dailyDigest", true))
				.expectStatus()
				.isOk();
		}
		Map<?, ?> first = this.api.task(owner, project,
				Map.of("title", "First <b>", "assigneeId", reader.userId().toString()));
		Map<?, ?> second = this.api.task(owner, project,
				Map.of("title", "Second", "assigneeId", reader.userId().toString()));
		awaitNotification(reader, lastEvent(first.get("id"), "task.created"));
		awaitNotification(reader, lastEvent(second.get("id"), "task.created"));
		String firstId = (String) ((Map<?, ?>) ((List<?>) this.api.page(reader, "/api/v1/me/notifications/feed")
			.get("items")).get(1)).get("id");
		this.api.call(reader, HttpMethod.POST, "/api/v1/me/notifications/feed/" + firstId + "/read", null)
			.expectStatus()
			.isNoContent();

		Instant now = Instant.now();
		this.digest.send(now);
		// A later run the same UTC day sends nothing more (and stays on that day).
		Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
		this.digest.send(Collections.min(List.of(now.plusSeconds(60), tomorrow.minusMillis(1))));

		Message mail = awaitMail(reader.email(), "Your Cairn digest");
		assertThat(mail.getSubject()).isEqualTo("Your Cairn digest: 1 unread notification");
		assertThat(text(mail)).contains(second.get("key") + " Second: Test User assigned it to you")
			.doesNotContain((String) first.get("key"));
		assertThat(html(mail)).contains(PUBLIC_URL + "/tasks/" + second.get("key"));
		assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(settledMailsTo(reader.email(), "Your Cairn digest")).hasSize(1);
		assertThat(settledMailsTo(quiet.email(), "Your Cairn digest")).isEmpty();
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
