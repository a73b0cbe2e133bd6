package dev.cairn.notifications;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest job's rows, and who is due a digest: reads users and user_profiles (the time
 * zone) of the accounts module.
 */
@Repository
class DigestRepository {

	/**
	 * Active users who want a digest, whose local clock has reached the digest time today
	 * and who have had no digest for their local day, after {@code after} in id order: a
	 * range of notification_preferences_digest_idx, and for each subscriber a lookup by
	 * primary key of their time zone (a subquery, so that user_profiles is never read
	 * whole; OFFSET 0 keeps the clock one value per row rather than an expression copied
	 * into every condition) and of their digests. The clock is compared, not matched to
	 * the time: a digest time that a DST change skips goes out at the first run after it,
	 * one it repeats goes out once, since the row of the local day is there by then.
	 */
	static final String DUE = """
			SELECT u.id, u.email, CAST(l.clock AS date) AS local_day,
			       (SELECT d.sent_at FROM notification_digests d WHERE d.user_id = np.user_id
			        ORDER BY d.day DESC LIMIT 1) AS previous
			FROM notification_preferences np
			JOIN users u ON u.id = np.user_id AND u.disabled_at IS NULL
			CROSS JOIN LATERAL (SELECT CAST(:now AS timestamptz) AT TIME ZONE notifications_time_zone(
			                        (SELECT p.timezone FROM user_profiles p WHERE p.user_id = np.user_id)) AS clock
			                    OFFSET 0) l
			WHERE np.daily_digest AND np.user_id > :after
			  AND CAST(l.clock AS time) >= CAST(:at AS time)
			  AND NOT EXISTS (SELECT 1 FROM notification_digests d
			                  WHERE d.user_id = np.user_id AND d.day = CAST(l.clock AS date))
			ORDER BY np.user_id
			LIMIT :limit
			""";

	private final JdbcClient jdbc;

	DigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The subscribers due a digest at {@code now} for a digest time of {@code at} (their
	 * local time), after {@code after} in id order.
	 */
	List<Subscriber> findDue(Instant now, LocalTime at, UUID after, int limit) {
		return this.jdbc.sql(DUE)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("at", at)
			.param("after", after)
			.param("limit", limit)
			.query((rs, row) -> {
				OffsetDateTime previous = rs.getObject("previous", OffsetDateTime.class);
				return new Subscriber(new Recipient(rs.getObject("id", UUID.class), rs.getString("email")),
						rs.getObject("local_day", LocalDate.class), (previous != null) ? previous.toInstant() : null);
			})
			.list();
	}

	/**
	 * Claims the user's digest of their local day, sent at {@code now}.
	 * @return false when it went out already
	 */
	boolean claim(UUID userId, LocalDate day, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO notification_digests (user_id, day, sent_at) VALUES (:userId, :day, :now)
				ON CONFLICT (user_id, day) DO NOTHING
				""")
			.param("userId", userId)
			.param("day", Date.valueOf(day))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	/**
	 * @param day the subscriber's local date, the digest's key
	 * @param previous when their last digest went out, or null for none
	 */
	record Subscriber(Recipient recipient, LocalDate day, Instant previous) {
	}

}
