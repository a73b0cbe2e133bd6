package dev.cairn.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonalTokenRepository {

	private final JdbcClient jdbc;

	PersonalTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, String name, byte[] hash, String hint, List<String> scopes, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO api_tokens (id, user_id, name, token_hash, token_hint, scopes, expires_at)
				VALUES (:id, :userId, :name, :hash, :hint, :scopes, :expiresAt)
				""")
			.param("id", id)
			.param("userId", userId)
			.param("name", name)
			.param("hash", hash)
			.param("hint", hint)
			.param("scopes", scopes.toArray(String[]::new))
			.param("expiresAt", (expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.update();
	}

	long countActive(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM api_tokens WHERE user_id = :userId AND revoked_at IS NULL")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	List<PersonalToken> findActive(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, name, token_hint, scopes, expires_at, last_used_at, created_at
				FROM api_tokens
				WHERE user_id = :userId AND revoked_at IS NULL
				ORDER BY id DESC
				""")
			.param("userId", userId)
			.query((rs, row) -> new PersonalToken(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("token_hint"), List.of((String[]) rs.getArray("scopes").getArray()),
					instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
					instant(rs.getTimestamp("created_at"))))
			.list();
	}

	boolean revoke(UUID userId, UUID id) {
		return this.jdbc.sql("""
				UPDATE api_tokens SET revoked_at = now()
				WHERE user_id = :userId AND id = :id AND revoked_at IS NULL
				""").param("userId", userId).param("id", id).update() == 1;
	}

	/**
	 * The token's owner and scopes, when it is unrevoked, unexpired and its owner active.
	 */
	Optional<Grant> findUsable(byte[] hash) {
		return this.jdbc.sql("""
				SELECT t.id, t.user_id, t.scopes, t.last_used_at
				FROM api_tokens t
				JOIN users u ON u.id = t.user_id
				WHERE t.token_hash = :hash
				  AND t.revoked_at IS NULL
				  AND (t.expires_at IS NULL OR t.expires_at > now())
				  AND u.disabled_at IS NULL
				""")
			.param("hash", hash)
			.query((rs, row) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					List.of((String[]) rs.getArray("scopes").getArray()), instant(rs.getTimestamp("last_used_at"))))
			.optional();
	}

	void revokeAll(UUID userId) {
		this.jdbc.sql("UPDATE api_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
			.param("userId", userId)
			.update();
	}

	// At most one write a minute per token, however busy it is (the condition also holds
	// when several nodes see the same token at once).
	void touch(UUID id) {
		this.jdbc.sql("""
				UPDATE api_tokens SET last_used_at = now()
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
				""").param("id", id).update();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Grant(UUID tokenId, UUID userId, List<String> scopes, Instant lastUsedAt) {
	}

}
