package dev.cairn.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.cairn.activity.ActivityRecorded;
import dev.cairn.notifications.AudienceRepository.TaskInfo;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of who hears about a change. An assignee hears that a task was given to them;
 * the reporter, the assignee and earlier commenters hear of a new comment; people
 * mentioned in a new comment or description, or newly mentioned in an edited one, hear of
 * the mention. Each person gets at most one notification per change (a mention beats an
 * assignment, which beats a comment), never for their own change, and only while they are
 * an active member of the project. A deleted comment's text leaves the notifications that
 * quoted it.
 */
@Component
class EventNotifications {

	private static final Set<String> TYPES = Set.of("task.created", "task.updated", "comment.created",
			"comment.updated", "comment.deleted");

	private final AudienceRepository audience;

	private final PreferenceRepository preferences;

	private final Notifier notifier;

	private final NotificationRepository notifications;

	EventNotifications(AudienceRepository audience, PreferenceRepository preferences, Notifier notifier,
			NotificationRepository notifications) {
		this.audience = audience;
		this.preferences = preferences;
		this.notifier = notifier;
		this.notifications = notifications;
	}

	/** Whether the event is of a kind that can notify someone. */
	public boolean concerns(ActivityRecorded event) {
		return TYPES.contains(event.type()) && event.projectId() != null && event.taskId() != null;
	}

	/**
	 * Notifies everyone the event concerns. Idempotent: for an event handled before, it
	 * changes nothing and sends nothing.
	 */
	@Transactional
	void handle(ActivityRecorded event) {
		if (!concerns(event)) {
			return;
		}
		JsonNode data = this.audience.eventData(event.projectId(), event.eventId()).orElse(null);
		if (data != null && event.type().equals("comment.deleted")) {
			UUID commentId = id(data.path("before"), "commentId");
			if (commentId != null) {
				this.notifications.forgetExcerpts(event.taskId(), commentId);
			}
			return;
		}
		TaskInfo task = this.audience.liveTask(event.projectId(), event.taskId()).orElse(null);
		// A comment deleted before its notifications went out: no one hears of it.
		if (data == null || task == null || data.path("redacted").asBoolean(false)) {
			return;
		}
		Decision decision = decide(event, task, data);
		decision.wanted().remove(event.actorId());
		Map<UUID, Recipient> recipients = this.audience.activeMembers(event.projectId(), decision.wanted().keySet());
		if (recipients.isEmpty()) {
			return;
		}
		Map<UUID, Preferences> chosen = this.preferences.findAll(recipients.keySet());
		String actorName = this.audience.displayName(event.actorId()).orElse(null);
		for (Recipient recipient : recipients.values()) {
			Kind kind = decision.wanted().get(recipient.id());
			String excerpt = (kind == Kind.ASSIGNED) ? null : Summary.excerpt(decision.text());
			Subject subject = new Subject(event.eventId(), event.projectId(), event.taskId(), event.actorId(),
					new Summary(task.key(), task.title(), actorName, excerpt, null));
			this.notifier.notify(recipient, kind, subject, chosen.get(recipient.id()));
		}
	}

	private Decision decide(ActivityRecorded event, TaskInfo task, JsonNode data) {
		JsonNode before = data.path("before");
		JsonNode after = data.path("after");
		UUID projectId = event.projectId();
		Decision decision = new Decision();
		switch (event.type()) {
			case "task.created" -> {
				decision.add(id(after, "assigneeId"), Kind.ASSIGNED);
				String description = text(after, "description");
				decision.mentions(this.audience.membersWithEmails(projectId, Mentions.in(description)), description);
			}
			case "task.updated" -> {
				if (changed(data, "assigneeId")) {
					decision.add(id(after, "assigneeId"), Kind.ASSIGNED);
				}
				if (changed(data, "description")) {
					String description = text(after, "description");
					decision.mentions(this.audience.membersWithEmails(projectId,
							Mentions.added(text(before, "description"), description)), description);
				}
			}
			case "comment.created" -> {
				String body = text(after, "body");
				decision.text = body;
				decision.add(task.reporterId(), Kind.COMMENTED);
				decision.add(task.assigneeId(), Kind.COMMENTED);
				UUID commentId = id(after, "commentId");
				if (commentId != null) {
					this.audience.earlierCommenters(event.taskId(), commentId)
						.forEach((author) -> decision.add(author, Kind.COMMENTED));
				}
				decision.mentions(this.audience.membersWithEmails(projectId, Mentions.in(body)), body);
			}
			case "comment.updated" -> {
				String body = text(after, "body");
				decision.mentions(
						this.audience.membersWithEmails(projectId, Mentions.added(text(before, "body"), body)), body);
			}
			default -> {
			}
		}
		return decision;
	}

	private static boolean changed(JsonNode data, String field) {
		return data.path("changes").valueStream().anyMatch((change) -> field.equals(change.asString(null)));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

	private static UUID id(JsonNode node, String field) {
		String value = text(node, field);
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Who gets which kind, and the text (comment or description) the notifications quote.
	 */
	private static final class Decision {

		private final Map<UUID, Kind> wanted = new LinkedHashMap<>();

		private String text;

		Map<UUID, Kind> wanted() {
			return this.wanted;
		}

		String text() {
			return this.text;
		}

		void add(UUID userId, Kind kind) {
			if (userId != null) {
				this.wanted.merge(userId, kind, (a, b) -> (a.ordinal() <= b.ordinal()) ? a : b);
			}
		}

		void mentions(Iterable<UUID> mentioned, String text) {
			mentioned.forEach((userId) -> add(userId, Kind.MENTIONED));
			if (this.text == null) {
				this.text = text;
			}
		}

	}

}
