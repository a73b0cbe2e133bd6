package dev.cairn.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code events} (activity's table) for a delivery's type and
 * {@code scheduled_tasks} (platform's, db-scheduler's) to see whether its job is queued.
 */
@Repository
class DeliveryRepository {

	private static final String SELECT = """
			SELECT d.id, d.webhook_id, d.event_id, e.type AS event_type, d.status, d.attempts, d.next_attempt_at,
			       d.last_attempt_at, d.response_status, d.response_excerpt, d.error, d.duration_ms, d.created_at
			FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
			""";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the delivery of an event to a webhook, unless it exists (a listener that
	 * runs twice for one event creates one delivery).
	 * @return the new delivery's id, or empty when it existed
	 */
	Optional<UUID> create(UUID webhookId, UUID eventId) {
		return this.jdbc.sql("""
				INSERT INTO webhook_deliveries (id, webhook_id, event_id, next_attempt_at)
				VALUES (:id, :webhookId, :eventId, now())
				ON CONFLICT (webhook_id, event_id) DO NOTHING
				RETURNING id
				""")
			.param("id", Ids.newId())
			.param("webhookId", webhookId)
			.param("eventId", eventId)
			.query(UUID.class)
			.optional();
	}

	/** Newest first, after a delivery id; optionally only those with a status. */
	List<Delivery> findPage(UUID webhookId, String status, UUID before, int limit) {
		return this.jdbc.sql(SELECT + """
				WHERE d.webhook_id = :webhookId
				  AND (CAST(:status AS text) IS NULL OR d.status = :status)
				  AND (CAST(:before AS uuid) IS NULL OR d.id < :before)
				ORDER BY d.id DESC
				LIMIT :limit
				""")
			.param("webhookId", webhookId)
			.param("status", status)
			.param("before", before)
			.param("limit", limit)
			.query(this::delivery)
			.list();
	}

	Optional<Delivery> find(UUID webhookId, UUID id) {
		return this.jdbc.sql(SELECT + " WHERE d.webhook_id = :webhookId AND d.id = :id")
			.param("webhookId", webhookId)
			.param("id", id)
			.query(this::delivery)
			.optional();
	}

	Optional<Delivery> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(this::delivery).optional();
	}

	/** Locks a delivery for recording an attempt. */
	Optional<Delivery> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE d.id = :id FOR NO KEY UPDATE OF d")
			.param("id", id)
			.query(this::delivery)
			.optional();
	}

	/** Records an attempt and what comes next: another at {@code next}, or none. */
	void recordAttempt(UUID id, UUID webhookId, Instant at, WebhookClient.Outcome outcome, String status,
			Instant next) {
		this.jdbc.sql("""
				UPDATE webhook_deliveries
				SET attempts = attempts + 1, last_attempt_at = :at, status = :status, next_attempt_at = :next,
				    response_status = :responseStatus, response_excerpt = :excerpt, error = :error,
				    duration_ms = :duration
				WHERE id = :id AND webhook_id = :webhookId
				""")
			.param("id", id)
			.param("webhookId", webhookId)
			.param("at", Timestamp.from(at))
			.param("status", status)
			.param("next", (next != null) ? Timestamp.from(next) : null)
			.param("responseStatus", outcome.status())
			.param("excerpt", outcome.excerpt())
			.param("error", outcome.error())
			.param("duration", outcome.durationMillis())
			.update();
	}

	/**
	 * Gives up on a delivery without an attempt, its webhook being off; unless the
	 * webhook was turned back on since that was read (and the delivery perhaps
	 * redelivered).
	 */
	void abandon(UUID id, UUID webhookId, String reason) {
		this.jdbc.sql("""
				UPDATE webhook_deliveries d SET status = 'failed', next_attempt_at = NULL, error = :reason
				WHERE d.id = :id AND d.webhook_id = :webhookId AND d.status = 'pending'
				  AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE w.id = d.webhook_id AND w.enabled)
				""").param("id", id).param("webhookId", webhookId).param("reason", reason).update();
	}

	/**
	 * Starts a new series of attempts for a delivery, now: one of this webhook, of this
	 * project (the one whose admin asked).
	 */
	void restart(UUID id, UUID webhookId, UUID projectId) {
		this.jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
				WHERE id = :id AND webhook_id = :webhookId
				  AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = :webhookId AND w.project_id = :projectId)
				""").param("id", id).param("webhookId", webhookId).param("projectId", projectId).update();
	}

	/**
	 * Pending deliveries overdue by a minute that have no job to attempt them (served by
	 * the due index): the safety net for any way a pending delivery could lose its job.
	 */
	List<UUID> findOrphans(int limit) {
		return this.jdbc.sql("""
				SELECT d.id FROM webhook_deliveries d
				WHERE d.status = 'pending' AND d.next_attempt_at < now() - interval '1 minute'
				  AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t
				                  WHERE t.task_name = 'webhook-delivery' AND t.task_instance = d.id::text)
				ORDER BY d.next_attempt_at
				LIMIT :limit
				""").param("limit", limit).query(UUID.class).list();
	}

	/** Deliveries waiting for an attempt, on every webhook (served by the due index). */
	long countPending() {
		return this.jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
			.query(Long.class)
			.single();
	}

	private Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("status"),
				rs.getInt("attempts"), WebhookRepository.instant(rs, "next_attempt_at"),
				WebhookRepository.instant(rs, "last_attempt_at"), (Integer) rs.getObject("response_status"),
				rs.getString("response_excerpt"), rs.getString("error"), (Integer) rs.getObject("duration_ms"),
				WebhookRepository.instant(rs, "created_at"));
	}

}
