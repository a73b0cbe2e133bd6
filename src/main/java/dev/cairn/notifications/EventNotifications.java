package dev.cairn.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cairn.activity.ActivityLog;
import dev.cairn.activity.ActivityRecorded;
import dev.cairn.activity.DomainEvent;
import dev.cairn.activity.EventTypes;
import dev.cairn.comments.CommentEvent.CommentCreated;
import dev.cairn.comments.CommentEvent.CommentDeleted;
import dev.cairn.comments.CommentEvent.CommentUpdated;
import dev.cairn.notifications.AudienceRepository.TaskInfo;
import dev.cairn.tasks.TaskEvent;
import dev.cairn.tasks.TaskEvent.TaskCreated;
import dev.cairn.tasks.TaskEvent.TaskUpdated;

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

	/** The events that can notify anyone: about a task, with people in them. */
	private static final Set<String> TYPES = Stream
		.of(TaskCreated.class, TaskUpdated.class, CommentCreated.class, CommentUpdated.class, CommentDeleted.class)
		.map(EventTypes::nameOf)
		.collect(Collectors.toUnmodifiableSet());

	private final AudienceRepository audience;

	private final PreferenceRepository preferences;

	private final Notifier notifier;

	private final NotificationRepository notifications;

	private final ActivityLog activity;

	EventNotifications(AudienceRepository audience, PreferenceRepository preferences, Notifier notifier,
			NotificationRepository notifications, ActivityLog activity) {
		this.audience = audience;
		this.preferences = preferences;
		this.notifier = notifier;
		this.notifications = notifications;
		this.activity = activity;
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
	void handle(ActivityRecorded recorded) {
		if (!concerns(recorded)) {
			return;
		}
		DomainEvent event = this.activity.read(recorded).orElse(null);
		if (event instanceof CommentDeleted deleted) {
			this.notifications.forgetExcerpts(deleted.taskId(), deleted.before().commentId());
			return;
		}
		TaskInfo task = this.audience.liveTask(recorded.projectId(), recorded.taskId()).orElse(null);
		// A comment deleted before its notifications went out: no one hears of it.
		if (event == null || task == null || isRedacted(event)) {
			return;
		}
		Decision decision = decide(event, task);
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
			Subject subject = new Subject(recorded.eventId(), event.projectId(), event.taskId(), event.actorId(),
					new Summary(task.key(), task.title(), actorName, excerpt, null));
			this.notifier.notify(recipient, kind, subject, chosen.get(recipient.id()));
		}
	}

	private Decision decide(DomainEvent event, TaskInfo task) {
		UUID projectId = event.projectId();
		Decision decision = new Decision();
		switch (event) {
			case TaskCreated created -> {
				decision.add(created.after().assigneeId(), Kind.ASSIGNED);
				String description = description(created.after());
				decision.mentions(this.audience.membersWithEmails(projectId, Mentions.in(description)), description);
			}
			case TaskUpdated updated -> {
				if (updated.changes().contains("assigneeId")) {
					decision.add(updated.after().assigneeId(), Kind.ASSIGNED);
				}
				if (updated.changes().contains("description")) {
					String description = description(updated.after());
					decision.mentions(this.audience.membersWithEmails(projectId,
							Mentions.added(description(updated.before()), description)), description);
				}
			}
			case CommentCreated created -> {
				String body = created.after().body();
				decision.text = body;
				decision.add(task.reporterId(), Kind.COMMENTED);
				decision.add(task.assigneeId(), Kind.COMMENTED);
				UUID commentId = created.after().commentId();
				if (commentId != null) {
					this.audience.earlierCommenters(event.taskId(), commentId)
						.forEach((author) -> decision.add(author, Kind.COMMENTED));
				}
				decision.mentions(this.audience.membersWithEmails(projectId, Mentions.in(body)), body);
			}
			case CommentUpdated updated -> {
				String body = updated.after().body();
				decision.mentions(
						this.audience.membersWithEmails(projectId, Mentions.added(updated.before().body(), body)),
						body);
			}
			default -> {
			}
		}
		return decision;
	}

	private static boolean isRedacted(DomainEvent event) {
		return (event instanceof CommentCreated created && Boolean.TRUE.equals(created.redacted()))
				|| (event instanceof CommentUpdated updated && Boolean.TRUE.equals(updated.redacted()));
	}

	private static String description(TaskEvent.TaskState state) {
		return (state.description() != null) ? state.description().orElse(null) : null;
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
