package dev.cairn.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;
import dev.cairn.platform.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhooks and their secrets, which are sealed at rest ({@link SecretBox}): Cairn must
 * read them back to sign, so they cannot be hashed, but a copy of the database alone does
 * not reveal them. Every write that can change what a project's webhooks subscribe to
 * evicts {@link CacheRegion#PROJECT_WEBHOOKS} in its transaction.
 * <p>
 * Reads {@code project_members} and {@code users} (their modules' tables, as a read
 * model): the admins to mail when a webhook is disabled.
 */
@Repository
class WebhookRepository {

	private static final String COLUMNS = """
			id, project_id, url, events, enabled, disabled_reason, disabled_at, secret_rotated_at,
			created_at, updated_at, version
			""";

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Caches caches;

	WebhookRepository(JdbcClient jdbc, SecretBox box, Caches caches) {
		this.jdbc = jdbc;
		this.box = box;
		this.caches = caches;
	}

	/** A page in creation order (ids are time-ordered), after an id. */
	List<Webhook> findPage(UUID projectId, UUID after, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM webhooks
				WHERE project_id = :projectId AND (CAST(:after AS uuid) IS NULL OR id > :after)
				ORDER BY id
				LIMIT :limit
				""")
			.param("projectId", projectId)
			.param("after", after)
			.param("limit", limit)
			.query(this::webhook)
			.list();
	}

	Optional<Webhook> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id")
			.param("id", id)
			.query(this::webhook)
			.optional();
	}

	/** Locks the row for a change (the version check and the update see the same row). */
	Optional<Webhook> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id FOR NO KEY UPDATE")
			.param("id", id)
			.query(this::webhook)
			.optional();
	}

	long count(UUID projectId) {
		return this.jdbc.sql("SELECT count(*) FROM webhooks WHERE project_id = :projectId")
			.param("projectId", projectId)
			.query(Long.class)
			.single();
	}

	void insert(UUID id, UUID projectId, String url, List<String> events, WebhookSecret secret, UUID createdBy) {
		this.jdbc.sql("""
				INSERT INTO webhooks (id, project_id, url, events, secret, created_by)
				VALUES (:id, :projectId, :url, :events, :secret, :createdBy)
				""")
			.param("id", id)
			.param("projectId", projectId)
			.param("url", url)
			.param("events", events.toArray(String[]::new))
			.param("secret", seal(secret.value()))
			.param("createdBy", createdBy)
			.update();
		evictSubscriptions(projectId);
	}

	void update(UUID id, UUID projectId, String url, List<String> events, boolean enabled) {
		int updated = this.jdbc.sql("""
				UPDATE webhooks SET url = :url, events = :events, enabled = :enabled, version = version + 1,
				       disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
				       disabled_at = CASE WHEN :enabled THEN NULL ELSE disabled_at END
				WHERE id = :id AND project_id = :projectId
				""")
			.param("id", id)
			.param("projectId", projectId)
			.param("url", url)
			.param("events", events.toArray(String[]::new))
			.param("enabled", enabled)
			.update();
		if (updated > 0) {
			evictSubscriptions(projectId);
		}
	}

	/**
	 * Makes a new secret current; the old one keeps signing until {@code overlapEnds}.
	 */
	void rotate(UUID id, UUID projectId, WebhookSecret secret, Instant overlapEnds) {
		this.jdbc.sql("""
				UPDATE webhooks SET previous_secret = secret, previous_secret_expires_at = :overlapEnds,
				       secret = :secret, secret_rotated_at = now(), version = version + 1
				WHERE id = :id AND project_id = :projectId
				""")
			.param("id", id)
			.param("projectId", projectId)
			.param("secret", seal(secret.value()))
			.param("overlapEnds", Timestamp.from(overlapEnds))
			.update();
	}

	void delete(UUID id, UUID projectId) {
		int deleted = this.jdbc.sql("DELETE FROM webhooks WHERE id = :id AND project_id = :projectId")
			.param("id", id)
			.param("projectId", projectId)
			.update();
		if (deleted > 0) {
			evictSubscriptions(projectId);
		}
	}

	/**
	 * Every subscription entry of the project's enabled webhooks ({@code task.created},
	 * {@code task.*}, {@code *}), cached.
	 */
	List<String> subscriptions(UUID projectId) {
		String entries = this.caches.get(CacheRegion.PROJECT_WEBHOOKS, projectId.toString(),
				() -> String.join(",", this.jdbc.sql("""
						SELECT DISTINCT unnest(events) FROM webhooks WHERE project_id = :projectId AND enabled
						""").param("projectId", projectId).query(String.class).list()));
		return entries.isEmpty() ? List.of() : List.of(entries.split(","));
	}

	private void evictSubscriptions(UUID projectId) {
		this.caches.evict(CacheRegion.PROJECT_WEBHOOKS, projectId.toString());
	}

	/** The enabled webhooks of a project that subscribe to an event type. */
	List<UUID> subscribers(UUID projectId, String type) {
		return this.jdbc.sql("""
				SELECT id FROM webhooks
				WHERE project_id = :projectId AND enabled AND events && CAST(:selectors AS text[])
				""")
			.param("projectId", projectId)
			.param("selectors", Subscriptions.selectors(type).toArray(String[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * A webhook as an attempt needs it, in one read: the webhook, and the secrets that
	 * sign now (the current one, and the previous one during a rotation's overlap).
	 */
	Optional<Target> target(UUID id, Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				, secret, CASE WHEN previous_secret_expires_at > :now THEN previous_secret END AS previous
				FROM webhooks WHERE id = :id
				""").param("id", id).param("now", Timestamp.from(now)).query((rs, row) -> {
			String previous = rs.getString("previous");
			WebhookSecret current = new WebhookSecret(open(rs.getString("secret")));
			return new Target(webhook(rs, row),
					(previous != null) ? List.of(current, new WebhookSecret(open(previous))) : List.of(current));
		}).optional();
	}

	/** A webhook and the secrets that sign its deliveries now. */
	record Target(Webhook webhook, List<WebhookSecret> secrets) {
	}

	/** Records that a delivery got through. */
	void markWorking(UUID id, UUID projectId, Instant now) {
		this.jdbc.sql("UPDATE webhooks SET last_success_at = :now WHERE id = :id AND project_id = :projectId")
			.param("id", id)
			.param("projectId", projectId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Whether any delivery has got through since this time. */
	boolean workedSince(UUID id, Instant since) {
		return this.jdbc.sql("SELECT last_success_at >= :since FROM webhooks WHERE id = :id")
			.param("id", id)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.optional()
			.map(Boolean.TRUE::equals)
			.orElse(false);
	}

	/**
	 * Turns the webhook off and gives up its pending deliveries (they can be redelivered
	 * from the log); false when it was off already.
	 */
	boolean disable(UUID id, UUID projectId, String reason) {
		boolean disabled = this.jdbc
			.sql("""
					UPDATE webhooks SET enabled = false, disabled_reason = :reason, disabled_at = now(), version = version + 1
					WHERE id = :id AND project_id = :projectId AND enabled
					""")
			.param("id", id)
			.param("projectId", projectId)
			.param("reason", reason)
			.update() > 0;
		if (disabled) {
			evictSubscriptions(projectId);
			this.jdbc.sql("""
					UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
					       error = coalesce(error, 'the webhook was disabled')
					WHERE webhook_id = :id AND status = 'pending'
					""").param("id", id).update();
		}
		return disabled;
	}

	/**
	 * Addresses to tell when a webhook of the project is disabled: its owners and admins.
	 */
	List<String> adminEmails(UUID projectId) {
		return this.jdbc.sql("""
				SELECT u.email FROM project_members m JOIN users u ON u.id = m.user_id
				WHERE m.project_id = :projectId AND m.role IN ('owner', 'admin') AND u.disabled_at IS NULL
				ORDER BY u.email
				""").param("projectId", projectId).query(String.class).list();
	}

	private String seal(String secret) {
		return Base64.getEncoder()
			.encodeToString(this.box.seal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private String open(String sealed) {
		return new String(this.box.open(Base64.getDecoder().decode(sealed)), java.nio.charset.StandardCharsets.UTF_8);
	}

	private Webhook webhook(ResultSet rs, int row) throws SQLException {
		Array events = rs.getArray("events");
		return new Webhook(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("url"),
				Arrays.asList((String[]) events.getArray()), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
				instant(rs, "disabled_at"), instant(rs, "secret_rotated_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp time = rs.getTimestamp(column);
		return (time != null) ? time.toInstant() : null;
	}

}
