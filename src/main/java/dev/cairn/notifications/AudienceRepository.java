package dev.cairn.notifications;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the notification rules read about a change: the committed event, its task, the
 * people around the task, and who of them may hear about it. Read-only, over the tables
 * of the modules that own them (events, tasks, comments, project_members, users): a
 * notification is a read model of their committed state, made after the commit.
 * <p>
 * Reads {@code tasks}, {@code comments}, {@code project_members}, {@code projects} and
 * {@code users} (their modules' tables, as a read model): who is in a change and may hear
 * of it.
 */
@Repository
class AudienceRepository {

	private final JdbcClient jdbc;

	AudienceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The event's {@code data}: {@code {before?, after, changes}}. */

	/** The task, unless it or its project is in the trash. */
	Optional<TaskInfo> liveTask(UUID projectId, UUID taskId) {
		return this.jdbc.sql("""
				SELECT p.key || '-' || t.number AS task_key, t.title, t.reporter_id, t.assignee_id, t.due_date
				FROM tasks t JOIN projects p ON p.id = t.project_id AND p.deleted_at IS NULL
				WHERE t.project_id = :projectId AND t.id = :taskId AND t.deleted_at IS NULL
				""")
			.param("projectId", projectId)
			.param("taskId", taskId)
			.query((rs, row) -> new TaskInfo(rs.getString("task_key"), rs.getString("title"),
					rs.getObject("reporter_id", UUID.class), rs.getObject("assignee_id", UUID.class),
					rs.getObject("due_date", LocalDate.class)))
			.optional();
	}

	/** Authors of the task's comments made before this one (comments_task_id_idx). */
	List<UUID> earlierCommenters(UUID taskId, UUID commentId) {
		return this.jdbc.sql("""
				SELECT DISTINCT author_id FROM comments
				WHERE task_id = :taskId AND id < :commentId AND author_id IS NOT NULL
				""").param("taskId", taskId).param("commentId", commentId).query(UUID.class).list();
	}

	/**
	 * The members of the project with these addresses (any case), by users_email_key. An
	 * address of someone outside the project finds nobody, as does one without an
	 * account: a mention reveals nothing about who has one.
	 */
	List<UUID> membersWithEmails(UUID projectId, Collection<String> emails) {
		if (emails.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT u.id FROM users u
				JOIN project_members m ON m.user_id = u.id AND m.project_id = :projectId
				WHERE lower(u.email) IN (:emails)
				""").param("projectId", projectId).param("emails", emails).query(UUID.class).list();
	}

	/**
	 * Those of the users who are still members of the project (not in the trash) and
	 * whose accounts are not disabled: the only people ever notified.
	 */
	Map<UUID, Recipient> activeMembers(UUID projectId, Collection<UUID> userIds) {
		Map<UUID, Recipient> found = new LinkedHashMap<>();
		if (userIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT u.id, u.email FROM project_members m
				JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
				JOIN projects p ON p.id = m.project_id AND p.deleted_at IS NULL
				WHERE m.project_id = :projectId AND m.user_id IN (:userIds)
				""")
			.param("projectId", projectId)
			.param("userIds", userIds)
			.query((rs, row) -> found.put(rs.getObject("id", UUID.class),
					new Recipient(rs.getObject("id", UUID.class), rs.getString("email"))))
			.list();
		return found;
	}

	Optional<String> displayName(UUID userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT display_name FROM users WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.optional();
	}

	/**
	 * A task as notifications describe it.
	 */
	record TaskInfo(String key, String title, UUID reporterId, UUID assigneeId, LocalDate dueDate) {
	}

}
