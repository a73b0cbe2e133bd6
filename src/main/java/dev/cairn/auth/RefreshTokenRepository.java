package dev.cairn.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, UUID familyId, byte[] hash, Instant expiresAt, Client client) {
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, user_agent, ip_address)
				VALUES (:id, :userId, :familyId, :hash, :expiresAt, :userAgent, CAST(:ip AS inet))
				""")
			.param("id", id)
			.param("userId", userId)
			.param("familyId", familyId)
			.param("hash", hash)
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("userAgent", client.userAgent())
			.param("ip", client.ipAddress())
			.update();
	}

	/** Locks the row: of two requests presenting the same token, the second waits. */
	Optional<StoredToken> findForUpdate(byte[] hash) {
		return this.jdbc.sql("""
				SELECT id, user_id, family_id, created_at, expires_at, spent_at, revoked_at
				FROM refresh_tokens
				WHERE token_hash = :hash
				FOR UPDATE
				""").param("hash", hash).query(StoredToken.class).optional();
	}

	boolean isFamilyRevoked(UUID familyId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = :familyId AND revoked_at IS NOT NULL)")
			.param("familyId", familyId)
			.query(Boolean.class)
			.single();
	}

	void markSpent(UUID id) {
		this.jdbc.sql("UPDATE refresh_tokens SET spent_at = now() WHERE id = :id").param("id", id).update();
	}

	int revokeFamily(UUID familyId) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
			.param("familyId", familyId)
			.update();
	}

	int revokeAll(UUID userId) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
			.param("userId", userId)
			.update();
	}

	record StoredToken(UUID id, UUID userId, UUID familyId, Instant createdAt, Instant expiresAt, Instant spentAt,
			Instant revokedAt) {
	}

}
