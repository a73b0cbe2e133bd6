package dev.cairn.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.activity.EventTypes;
import dev.cairn.comments.CommentEvent.CommentCreated;
import dev.cairn.comments.CommentEvent.CommentUpdated;
import dev.cairn.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code events}, {@code project_members} and {@code projects} (their modules'
 * tables, as a read model): which events quoted a comment, and whose notifications are
 * still visible.
 */
@Repository
class NotificationRepository {

	private static final String SELECT = """
			SELECT n.id, n.kind, n.event_id, n.project_id, n.task_id, n.actor_id, n.summary::text AS summary,
			       n.created_at, n.read_at
			FROM notifications n
			""";

	// A notification stays in the feed while its reader may still see the
	// project: one who left it, or whose project is in the trash, no longer reads
	// its task titles here.
	private static final String VISIBLE = """
			 AND EXISTS (SELECT 1 FROM project_members m JOIN projects p ON p.id = m.project_id
			             WHERE m.project_id = n.project_id AND m.user_id = n.user_id AND p.deleted_at IS NULL)
			""";

	private static final String BETWEEN = " AND n.created_at >= :since AND n.created_at < :until";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	NotificationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a notification, unless this user already has one of this kind for this
	 * event.
	 * @return whether it is new
	 */
	boolean insert(UUID userId, Kind kind, Subject subject, boolean inApp, boolean emailed) {
		return this.jdbc.sql("""
				INSERT INTO notifications (id, user_id, kind, event_id, project_id, task_id, actor_id, summary,
				                           in_app, emailed)
				VALUES (:id, :userId, :kind, :eventId, :projectId, :taskId, :actorId, CAST(:summary AS jsonb),
				        :inApp, :emailed)
				ON CONFLICT (user_id, event_id, kind) DO NOTHING
				""")
			.param("id", (subject.eventId() != null) ? idAt(subject.eventId()) : Ids.newId())
			.param("userId", userId)
			.param("kind", kind.column())
			.param("eventId", subject.eventId())
			.param("projectId", subject.projectId())
			.param("taskId", subject.taskId())
			.param("actorId", subject.actorId())
			.param("summary", this.json.writeValueAsString(subject.summary()))
			.param("inApp", inApp)
			.param("emailed", emailed)
			.update() == 1;
	}

	/**
	 * A new UUIDv7 with the timestamp of the event's (its first 48 bits): listeners run
	 * concurrently and finish in any order, and the feed, newest first by id, shows the
	 * changes in the order they happened rather than the order they were handled.
	 */
	static UUID idAt(UUID eventId) {
		UUID fresh = Ids.newId();
		long timestamp = eventId.getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L;
		return new UUID(timestamp | (fresh.getMostSignificantBits() & 0xFFFFL), fresh.getLeastSignificantBits());
	}

	/**
	 * A page of the user's feed, newest first (notifications_feed_idx, or
	 * notifications_unread_idx for the unread ones).
	 */
	List<Notification> findPage(UUID userId, boolean unreadOnly, UUID after, int limit) {
		String sql = pageQuery(unreadOnly, after != null);
		Map<String, Object> params = new HashMap<>();
		params.put("userId", userId);
		params.put("limit", limit);
		if (after != null) {
			params.put("after", after);
		}
		return this.jdbc.sql(sql).params(params).query(this::notification).list();
	}

	// Two statements rather than "after IS NULL OR id < after", so that the keyset is an
	// index condition in a generic plan too.
	static String pageQuery(boolean unreadOnly, boolean keyset) {
		return SELECT + " WHERE n.user_id = :userId AND n.in_app" + (unreadOnly ? " AND n.read_at IS NULL" : "")
				+ (keyset ? " AND n.id < :after" : "") + VISIBLE + " ORDER BY n.id DESC LIMIT :limit";
	}

	/**
	 * The user's unread in-app notifications made from {@code since} until just before
	 * {@code until}, newest first. One digest's window ends where the next begins, so
	 * nothing is listed twice or skipped.
	 */
	List<Notification> findUnreadBetween(UUID userId, Instant since, Instant until, int limit) {
		return this.jdbc
			.sql(SELECT + " WHERE n.user_id = :userId AND n.in_app AND n.read_at IS NULL" + BETWEEN + VISIBLE
					+ " ORDER BY n.id DESC LIMIT :limit")
			.param("userId", userId)
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.param("limit", limit)
			.query(this::notification)
			.list();
	}

	/** How many unread in-app notifications {@link #findUnreadBetween} would list. */
	int countUnreadBetween(UUID userId, Instant since, Instant until) {
		return this.jdbc
			.sql("SELECT count(*) FROM notifications n WHERE n.user_id = :userId AND n.in_app AND n.read_at IS NULL"
					+ BETWEEN + VISIBLE)
			.param("userId", userId)
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query(Integer.class)
			.single();
	}

	/**
	 * @return whether the user has this notification (read before or not)
	 */
	boolean markRead(UUID userId, UUID id) {
		return this.jdbc.sql("""
				UPDATE notifications SET read_at = coalesce(read_at, now())
				WHERE user_id = :userId AND id = :id AND in_app
				""").param("userId", userId).param("id", id).update() == 1;
	}

	void markAllRead(UUID userId) {
		this.jdbc.sql("""
				UPDATE notifications SET read_at = now()
				WHERE user_id = :userId AND in_app AND read_at IS NULL
				""").param("userId", userId).update();
	}

	/**
	 * Drops the quoted text of a deleted comment from the notifications about it (its
	 * creation and edits): they still say that someone commented, not what.
	 */
	int forgetExcerpts(UUID taskId, UUID commentId) {
		return this.jdbc.sql("""
				UPDATE notifications SET summary = summary - 'excerpt'
				WHERE event_id IN (
				    SELECT id FROM events
				    WHERE task_id = :taskId AND type IN (:types)
				      AND data -> 'after' ->> 'commentId' = :commentId)
				  AND summary -> 'excerpt' IS NOT NULL
				""")
			.param("taskId", taskId)
			.param("types", List.of(EventTypes.nameOf(CommentCreated.class), EventTypes.nameOf(CommentUpdated.class)))
			.param("commentId", commentId.toString())
			.update();
	}

	private Notification notification(ResultSet rs, int row) throws SQLException {
		Summary summary = this.json.readValue(rs.getString("summary"), Summary.class);
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), Kind.ofColumn(rs.getString("kind")).value(),
				rs.getObject("event_id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getObject("task_id", UUID.class), rs.getObject("actor_id", UUID.class), summary.taskKey(),
				summary.taskTitle(), summary.actorName(), summary.excerpt(), summary.dueDate(),
				rs.getTimestamp("created_at").toInstant(), (readAt != null) ? readAt.toInstant() : null);
	}

}
