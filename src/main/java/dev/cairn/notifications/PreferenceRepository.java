package dev.cairn.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.cairn.notifications.Preferences.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreferenceRepository {

	private static final String COLUMNS = """
			user_id, email_assigned, email_commented, email_mentioned, email_due_soon,
			in_app_assigned, in_app_commented, in_app_mentioned, in_app_due_soon, daily_digest
			""";

	private final JdbcClient jdbc;

	PreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Preferences find(UUID userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences WHERE user_id = :userId")
			.param("userId", userId)
			.query(PreferenceRepository::preferences)
			.optional()
			.orElse(Preferences.DEFAULTS);
	}

	/** The preferences of each of the users, the defaults for those who saved none. */
	Map<UUID, Preferences> findAll(Collection<UUID> userIds) {
		Map<UUID, Preferences> found = new HashMap<>();
		if (userIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences WHERE user_id IN (:userIds)")
			.param("userIds", userIds)
			.query((rs, row) -> found.put(rs.getObject("user_id", UUID.class), preferences(rs, row)))
			.list();
		userIds.forEach((id) -> found.putIfAbsent(id, Preferences.DEFAULTS));
		return found;
	}

	/**
	 * Saves the user's preferences; nothing when the account is gone.
	 */
	void save(UUID userId, Preferences p) {
		this.jdbc.sql("""
				INSERT INTO notification_preferences (user_id, email_assigned, email_commented, email_mentioned,
				    email_due_soon, in_app_assigned, in_app_commented, in_app_mentioned, in_app_due_soon, daily_digest)
				SELECT id, :ea, :ec, :em, :ed, :ia, :ic, :im, :id, :digest FROM users WHERE id = :userId
				ON CONFLICT (user_id) DO UPDATE SET email_assigned = :ea, email_commented = :ec,
				    email_mentioned = :em, email_due_soon = :ed, in_app_assigned = :ia, in_app_commented = :ic,
				    in_app_mentioned = :im, in_app_due_soon = :id, daily_digest = :digest
				""")
			.param("userId", userId)
			.param("ea", p.email().assigned())
			.param("ec", p.email().commented())
			.param("em", p.email().mentioned())
			.param("ed", p.email().dueSoon())
			.param("ia", p.inApp().assigned())
			.param("ic", p.inApp().commented())
			.param("im", p.inApp().mentioned())
			.param("id", p.inApp().dueSoon())
			.param("digest", p.dailyDigest())
			.update();
	}

	/**
	 * The user's preferences, with their row made (with the defaults) when missing and
	 * locked, so that two concurrent changes of different switches both count.
	 */
	Preferences findForUpdate(UUID userId) {
		this.jdbc.sql("""
				INSERT INTO notification_preferences (user_id) SELECT id FROM users WHERE id = :userId
				ON CONFLICT (user_id) DO NOTHING
				""").param("userId", userId).update();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notification_preferences WHERE user_id = :userId FOR UPDATE")
			.param("userId", userId)
			.query(PreferenceRepository::preferences)
			.optional()
			.orElse(Preferences.DEFAULTS);
	}

	private static Preferences preferences(ResultSet rs, int row) throws SQLException {
		return new Preferences(
				new Channel(rs.getBoolean("email_assigned"), rs.getBoolean("email_commented"),
						rs.getBoolean("email_mentioned"), rs.getBoolean("email_due_soon")),
				new Channel(rs.getBoolean("in_app_assigned"), rs.getBoolean("in_app_commented"),
						rs.getBoolean("in_app_mentioned"), rs.getBoolean("in_app_due_soon")),
				rs.getBoolean("daily_digest"));
	}

}
