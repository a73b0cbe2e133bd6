package dev.cairn.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_keys} table: a claim per (user, key), made before the request
 * runs and completed with its response. Every statement commits on its own, so a claim is
 * visible to every node at once; the primary key makes two claims of one key impossible,
 * and the database's clock decides expiry, so nodes never disagree. A claim whose request
 * neither finished nor failed within the lease ({@link WebSettings#idempotencyLease()})
 * was left by a node that died mid-request (a node that stops gracefully finishes its
 * requests): a retry takes it over, rather than meeting 409 until the key expires a day
 * later.
 */
@Component
class IdempotencyKeys {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Duration lease;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, WebSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.lease = settings.idempotencyLease();
	}

	/**
	 * Claims the key for this request, or says why not.
	 */
	Claim claim(UUID userId, String key, byte[] requestHash) {
		// A key that is gone between the failed insert and the read (its request failed
		// and let go of it) is claimed on the next round.
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<OffsetDateTime> claimed = insertOrReplaceExpired(userId, key, requestHash);
			if (claimed.isPresent()) {
				return new Claim.Claimed(claimed.get());
			}
			Optional<Claim> existing = find(userId, key, requestHash);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		return new Claim.InProgress();
	}

	// An expired row, or an abandoned claim of the same request, is treated as absent:
	// replaced in the same statement, under the row's lock, so two retries cannot both
	// take it over. The claim's time tells this claim from one that takes it over later.
	private Optional<OffsetDateTime> insertOrReplaceExpired(UUID userId, String key, byte[] requestHash) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
				VALUES (:userId, :key, :hash, now() + interval '24 hours')
				ON CONFLICT (user_id, key) DO UPDATE
				SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_headers = NULL,
				    response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
				WHERE idempotency_keys.expires_at <= now()
				   OR (idempotency_keys.response_status IS NULL
				       AND idempotency_keys.request_hash = EXCLUDED.request_hash
				       AND idempotency_keys.created_at <= now() - make_interval(secs => :leaseSeconds))
				RETURNING created_at
				""")
			.param("leaseSeconds", this.lease.toMillis() / 1000.0)
			.param("userId", userId)
			.param("key", key)
			.param("hash", requestHash)
			.query(OffsetDateTime.class)
			.optional();
	}

	private Optional<Claim> find(UUID userId, String key, byte[] requestHash) {
		return this.jdbc.sql("""
				SELECT request_hash, response_status, response_headers::text AS headers, response_body
				FROM idempotency_keys
				WHERE user_id = :userId AND key = :key AND expires_at > now()
				""").param("userId", userId).param("key", key).query((rs, n) -> {
			if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
				return (Claim) new Claim.OtherRequest();
			}
			int status = rs.getInt("response_status");
			if (rs.wasNull()) {
				return new Claim.InProgress();
			}
			String headers = rs.getString("headers");
			byte[] body = rs.getBytes("response_body");
			return new Claim.Completed(status, (headers != null) ? this.json.readValue(headers, HEADERS) : Map.of(),
					(body != null) ? body : new byte[0]);
		}).optional();
	}

	/**
	 * Keeps the response of the claimed request for its retries; nothing if its claim was
	 * taken over meanwhile (the retry that took it keeps its own).
	 */
	void complete(UUID userId, String key, Claim.Claimed claim, int status, Map<String, String> headers, byte[] body) {
		this.jdbc.sql("""
				UPDATE idempotency_keys
				SET response_status = :status, response_headers = CAST(:headers AS jsonb), response_body = :body
				WHERE user_id = :userId AND key = :key AND created_at = :claimedAt AND response_status IS NULL
				""")
			.param("userId", userId)
			.param("key", key)
			.param("claimedAt", claim.at())
			.param("status", status)
			.param("headers", this.json.writeValueAsString(headers))
			.param("body", body)
			.update();
	}

	/**
	 * Gives the key up, so that a retry runs the request again; nothing if its claim was
	 * taken over meanwhile.
	 */
	void release(UUID userId, String key, Claim.Claimed claim) {
		this.jdbc.sql("""
				DELETE FROM idempotency_keys
				WHERE user_id = :userId AND key = :key AND created_at = :claimedAt AND response_status IS NULL
				""").param("userId", userId).param("key", key).param("claimedAt", claim.at()).update();
	}

	/** What a request finds when it presents its key. */
	sealed interface Claim {

		/**
		 * The key is this request's now: run it.
		 *
		 * @param at when it was claimed, which tells this claim from a later one
		 */
		record Claimed(OffsetDateTime at) implements Claim {
		}

		/** The same request under this key has not finished yet. */
		record InProgress() implements Claim {
		}

		/** The key was used for a different request. */
		record OtherRequest() implements Claim {
		}

		/** The same request under this key finished: replay its response. */
		record Completed(int status, Map<String, String> headers, byte[] body) implements Claim {
		}

	}

}
