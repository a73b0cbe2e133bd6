package dev.cairn.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.MailApiTestSupport;

import static org.awaitility.Awaitility.await;

/**
 * The application with a real SMTP server, and helpers to wait for the notifications of a
 * change.
 */
abstract class MailTestSupport extends MailApiTestSupport {

	/** A project of {@code owner} with the others as members. */
	UUID project(SignedIn owner, SignedIn... members) {
		UUID project = this.api.project(owner);
		for (SignedIn member : members) {
			this.api.addMember(project, member, "member");
		}
		return project;
	}

	SignedIn user() {
		return this.users.signedIn();
	}

	String comment(SignedIn author, Object taskId, String body) {
		return (String) this.api.created(author, "/api/v1/tasks/" + taskId + "/comments", Map.of("body", body))
			.get("id");
	}

	/** The newest event of this type about the task. */
	UUID lastEvent(Object taskId, String type) {
		return this.jdbc.sql("SELECT id FROM events WHERE task_id = :task AND type = :type ORDER BY id DESC LIMIT 1")
			.param("task", UUID.fromString(taskId.toString()))
			.param("type", type)
			.query(UUID.class)
			.single();
	}

	/** Waits until the user has a notification of the event, and returns its kind. */
	String awaitNotification(SignedIn user, UUID eventId) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> kindsOf(user, eventId), (kinds) -> !kinds.isEmpty())
			.get(0);
	}

	/** Kinds of the user's notifications of the event (in the feed or not). */
	List<String> kindsOf(SignedIn user, UUID eventId) {
		return this.jdbc.sql("SELECT kind FROM notifications WHERE user_id = :user AND event_id = :event")
			.param("user", user.userId())
			.param("event", eventId)
			.query(String.class)
			.list();
	}

	/** Every notification of the user, whatever the event. */
	long notificationsOf(SignedIn user) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user")
			.param("user", user.userId())
			.query(Long.class)
			.single();
	}

}
