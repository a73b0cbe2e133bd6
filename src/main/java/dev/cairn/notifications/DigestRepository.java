package dev.cairn.notifications;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DigestRepository {

	static final String SUBSCRIBERS = """
			SELECT u.id, u.email FROM notification_preferences np
			JOIN users u ON u.id = np.user_id AND u.disabled_at IS NULL
			WHERE np.daily_digest AND np.user_id > :after
			  AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = np.user_id AND d.day = :day)
			ORDER BY np.user_id
			LIMIT :limit
			""";

	private final JdbcClient jdbc;

	DigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Active users who want a digest and have not had one for {@code day}, after
	 * {@code after} in id order (notification_preferences_digest_idx).
	 */
	List<Recipient> findSubscribers(LocalDate day, UUID after, int limit) {
		return this.jdbc.sql(SUBSCRIBERS)
			.param("day", Date.valueOf(day))
			.param("after", after)
			.param("limit", limit)
			.query((rs, row) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("email")))
			.list();
	}

	/**
	 * Claims the user's digest of the day.
	 * @return false when it went out already
	 */
	boolean claim(UUID userId, LocalDate day) {
		return this.jdbc.sql("""
				INSERT INTO notification_digests (user_id, day) VALUES (:userId, :day)
				ON CONFLICT (user_id, day) DO NOTHING
				""").param("userId", userId).param("day", Date.valueOf(day)).update() == 1;
	}

}
