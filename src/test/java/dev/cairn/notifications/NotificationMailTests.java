package dev.cairn.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;

import dev.cairn.activity.ActivityRecorded;
import dev.cairn.testing.Accounts.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets which mail for a change, through a real SMTP server: assignments, comments,
 * mentions, and the people who must hear nothing.
 */
class NotificationMailTests extends MailTestSupport {

	@Autowired
	private EventNotifications notifications;

	@Autowired
	private MeterRegistry meters;

	@Test
	void anAssigneeGetsAThreadableMailWithTextHtmlAndOneClickUnsubscribe() throws Exception {
		SignedIn ana = user();
		SignedIn bob = user();
		UUID project = project(ana, bob);
		double before = sent("email", "assigned");
		Map<?, ?> task = this.api.task(ana, project,
				Map.of("title", "Fix <the> login & signup", "assigneeId", bob.userId().toString()));

		Message mail = awaitMail(bob.email(), "[" + task.get("key") + "]");
		assertThat(mail.getSubject()).isEqualTo("[" + task.get("key") + "] Fix <the> login & signup");
		assertThat(text(mail)).contains("Test User assigned " + task.get("key") + " to you.")
			.contains("Fix <the> login & signup")
			.contains(PUBLIC_URL + "/tasks/" + task.get("key"));
		assertThat(html(mail)).contains("Fix &lt;the&gt; login &amp; signup")
			.doesNotContain("<the>")
			.contains("href=\"" + PUBLIC_URL + "/tasks/" + task.get("key") + "\"");
		assertThat(header(mail, "List-Unsubscribe"))
			.matches("<" + PUBLIC_URL + "/api/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
		assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(sent("email", "assigned")).isGreaterThan(before);
		// Nobody mails themselves: the reporter made the change.
		assertThat(settledMailsTo(ana.email(), "[")).isEmpty();
	}

	@Test
	void assigningYourselfSendsNothingButReassigningTellsTheNewAssignee() {
		SignedIn ana = user();
		SignedIn bob = user();
		UUID project = project(ana, bob);
		Map<?, ?> task = this.api.task(ana, project, Map.of("title", "Mine", "assigneeId", ana.userId().toString()));
		this.api
			.call(ana, HttpMethod.PATCH, "/api/v1/tasks/" + task.get("id"),
					Map.of("assigneeId", bob.userId().toString()))
			.expectStatus()
			.isOk();

		assertThat(awaitNotification(bob, lastEvent(task.get("id"), "task.updated"))).isEqualTo("assigned");
		awaitMail(bob.email(), "[" + task.get("key") + "] Mine");
		assertThat(notificationsOf(ana)).isZero();
		assertThat(settledMailsTo(ana.email(), "[")).isEmpty();
	}

	@Test
	void aCommentReachesReporterAssigneeAndEarlierCommentersButNotItsAuthor() throws Exception {
		SignedIn reporter = user();
		SignedIn assignee = user();
		SignedIn earlier = user();
		SignedIn author = user();
		SignedIn bystander = user();
		UUID project = project(reporter, assignee, earlier, author, bystander);
		Map<?, ?> task = this.api.task(reporter, project,
				Map.of("title", "Discuss", "assigneeId", assignee.userId().toString()));
		comment(earlier, task.get("id"), "First thoughts");
		comment(author, task.get("id"), "I *disagree* <script>");
		UUID event = lastEvent(task.get("id"), "comment.created");

		for (SignedIn participant : List.of(reporter, assignee, earlier)) {
			assertThat(awaitNotification(participant, event)).isEqualTo("commented");
			Message mail = awaitMailSaying(participant.email(), "I *disagree* <script>");
			assertThat(mail.getSubject()).isEqualTo("[" + task.get("key") + "] Discuss");
			assertThat(text(mail)).contains("commented on " + task.get("key"));
			assertThat(html(mail)).contains("I *disagree* &lt;script&gt;");
		}
		assertThat(kindsOf(author, event)).isEmpty();
		assertThat(kindsOf(bystander, event)).isEmpty();
	}

	@Test
	void mentionsReachMembersOnlyAndWinOverBeingAParticipant() {
		SignedIn ana = user();
		SignedIn bob = user();
		SignedIn cleo = user();
		SignedIn outsider = user();
		UUID project = project(ana, bob, cleo);
		Map<?, ?> task = this.api.task(ana, project, Map.of("title", "Plan", "assigneeId", bob.userId().toString()));
		comment(ana, task.get("id"),
				"@" + bob.email().toUpperCase() + " and @" + cleo.email() + ", also @" + outsider.email()
						+ " and @nobody-" + UUID.randomUUID() + "@example.com: thoughts? Not me: @" + ana.email()
						+ ".");
		UUID event = lastEvent(task.get("id"), "comment.created");

		assertThat(awaitNotification(cleo, event)).isEqualTo("mentioned");
		// Bob is the assignee and mentioned: one notification, the mention.
		assertThat(kindsOf(bob, event)).containsExactly("mentioned");
		assertThat(kindsOf(outsider, event)).isEmpty();
		assertThat(kindsOf(ana, event)).isEmpty();
		// Two mails: the assignment when the task was made, then the mention.
		awaitNotification(bob, lastEvent(task.get("id"), "task.created"));
		assertThat(settledMailsTo(bob.email(), "[" + task.get("key") + "]")).hasSize(2)
			.noneSatisfy((mail) -> assertThat(text(mail)).contains("commented on"))
			.anySatisfy((mail) -> assertThat(text(mail)).contains("mentioned you on"));
		assertThat(settledMailsTo(outsider.email(), "[")).isEmpty();
	}

	@Test
	void anEditNotifiesOnlyTheNewlyMentioned() {
		SignedIn ana = user();
		SignedIn bob = user();
		SignedIn cleo = user();
		UUID project = project(ana, bob, cleo);
		Map<?, ?> task = this.api.task(ana, project,
				Map.of("title", "Spec", "description", "Review please, @" + bob.email()));
		assertThat(awaitNotification(bob, lastEvent(task.get("id"), "task.created"))).isEqualTo("mentioned");
		this.api
			.call(ana, HttpMethod.PATCH, "/api/v1/tasks/" + task.get("id"),
					Map.of("description", "Review please, @" + bob.email() + " and @" + cleo.email()))
			.expectStatus()
			.isOk();
		UUID edit = lastEvent(task.get("id"), "task.updated");

		assertThat(awaitNotification(cleo, edit)).isEqualTo("mentioned");
		assertThat(kindsOf(bob, edit)).isEmpty();

		String commentId = comment(ana, task.get("id"), "Thanks @" + bob.email());
		this.api
			.call(ana, HttpMethod.PATCH, "/api/v1/comments/" + commentId,
					Map.of("body", "Thanks @" + bob.email() + " and @" + cleo.email()))
			.expectStatus()
			.isOk();
		UUID commentEdit = lastEvent(task.get("id"), "comment.updated");
		assertThat(awaitNotification(cleo, commentEdit)).isEqualTo("mentioned");
		assertThat(kindsOf(bob, commentEdit)).isEmpty();
	}

	@Test
	void formerMembersAndDisabledAccountsHearNothing() {
		SignedIn owner = user();
		SignedIn leaver = user();
		SignedIn disabled = user();
		SignedIn stayer = user();
		UUID project = project(owner, leaver, disabled, stayer);
		Map<?, ?> task = this.api.task(owner, project,
				Map.of("title", "Old", "assigneeId", leaver.userId().toString()));
		comment(disabled, task.get("id"), "Was here");
		comment(stayer, task.get("id"), "Me too");
		// Heard before being disabled: the listener runs after the commit, on its own.
		awaitNotification(disabled, lastEvent(task.get("id"), "comment.created"));
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + project + "/members/" + leaver.userId(), null)
			.expectStatus()
			.isNoContent();
		this.jdbc.sql("UPDATE users SET disabled_at = now() WHERE id = :id").param("id", disabled.userId()).update();
		comment(owner, task.get("id"), "Anyone?");
		UUID event = lastEvent(task.get("id"), "comment.created");

		assertThat(awaitNotification(stayer, event)).isEqualTo("commented");
		assertThat(kindsOf(leaver, event)).isEmpty();
		assertThat(kindsOf(disabled, event)).isEmpty();
		// Disabled after hearing of the comment that followed theirs, not before.
		assertThat(settledMailsTo(disabled.email(), "[")).hasSize(1)
			.noneSatisfy((mail) -> assertThat(text(mail)).contains("Anyone?"));
		assertThat(settledMailsTo(leaver.email(), "["))
			.noneSatisfy((mail) -> assertThat(text(mail)).contains("Anyone?"));
	}

	@Test
	void preferencesChooseTheChannels() {
		SignedIn ana = user();
		SignedIn bob = user();
		UUID project = project(ana, bob);
		this.api
			.call(bob, HttpMethod.PATCH, "/api/v1/me/notifications",
					Map.of("email", Map.of("commented", false), "inApp", Map.of("assigned", false)))
			.expectStatus()
			.isOk();
		Map<?, ?> task = this.api.task(ana, project, Map.of("title", "Prefs", "assigneeId", bob.userId().toString()));
		String key = "[" + task.get("key") + "]";
		awaitMail(bob.email(), key);
		comment(ana, task.get("id"), "A comment");
		assertThat(awaitNotification(bob, lastEvent(task.get("id"), "comment.created"))).isEqualTo("commented");

		assertThat(settledMailsTo(bob.email(), key)).hasSize(1);
		List<?> feed = (List<?>) this.api.page(bob, "/api/v1/me/notifications/feed").get("items");
		assertThat(feed).hasSize(1)
			.allSatisfy((item) -> assertThat(((Map<?, ?>) item).get("kind")).isEqualTo("commented"));
	}

	@Test
	void theOneClickUnsubscribeTurnsOffThatKindOfMail() throws Exception {
		SignedIn ana = user();
		SignedIn bob = user();
		UUID project = project(ana, bob);
		Map<?, ?> task = this.api.task(ana, project, Map.of("title", "Unsub", "assigneeId", bob.userId().toString()));
		String url = header(awaitMail(bob.email(), "[" + task.get("key") + "]"), "List-Unsubscribe");
		String path = url.substring(1 + PUBLIC_URL.length(), url.length() - 1);

		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isNoContent();
		this.api.call(bob, HttpMethod.GET, "/api/v1/me/notifications", null)
			.expectBody()
			.jsonPath("$.email.assigned")
			.isEqualTo(false)
			.jsonPath("$.email.commented")
			.isEqualTo(true)
			.jsonPath("$.inApp.assigned")
			.isEqualTo(true);
		this.client.post()
			.uri(path.replace("token=", "token=x"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_unsubscribe_token");
	}

	@Test
	void handlingAnEventTwiceNotifiesAndMailsOnce() {
		SignedIn ana = user();
		SignedIn bob = user();
		UUID project = project(ana, bob);
		Map<?, ?> task = this.api.task(ana, project, Map.of("title", "Twice", "assigneeId", bob.userId().toString()));
		UUID event = lastEvent(task.get("id"), "task.created");
		awaitNotification(bob, event);
		ActivityRecorded recorded = new ActivityRecorded(event, "task.created", project,
				UUID.fromString((String) task.get("id")), ana.userId());

		this.notifications.handle(recorded);
		this.notifications.handle(recorded);

		assertThat(kindsOf(bob, event)).containsExactly("assigned");
		assertThat(settledMailsTo(bob.email(), "[" + task.get("key") + "]")).hasSize(1);
	}

	private double sent(String channel, String kind) {
		var counter = this.meters.find("cairn.notifications.sent").tags("channel", channel, "kind", kind).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
