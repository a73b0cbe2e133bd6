package dev.cairn.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TwoFactorRepository {

	private final JdbcClient jdbc;

	TwoFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts (or restarts) enrolment with a new, unconfirmed secret. */
	void upsertPending(UUID userId, byte[] sealedSecret) {
		this.jdbc.sql("""
				INSERT INTO user_totp (user_id, secret_encrypted) VALUES (:userId, :secret)
				ON CONFLICT (user_id) DO UPDATE
				    SET secret_encrypted = EXCLUDED.secret_encrypted, confirmed_at = NULL, last_used_step = NULL
				""").param("userId", userId).param("secret", sealedSecret).update();
	}

	/** Locks the row, so two codes checked at once cannot both take the same step. */
	Optional<StoredTotp> findForUpdate(UUID userId) {
		return this.jdbc.sql("""
				SELECT secret_encrypted, confirmed_at IS NOT NULL AS confirmed, last_used_step
				FROM user_totp WHERE user_id = :userId FOR UPDATE
				""").param("userId", userId).query(StoredTotp.class).optional();
	}

	boolean isConfirmed(UUID userId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = :userId AND confirmed_at IS NOT NULL)")
			.param("userId", userId)
			.query(Boolean.class)
			.single();
	}

	void confirm(UUID userId, long step) {
		this.jdbc.sql("UPDATE user_totp SET confirmed_at = now(), last_used_step = :step WHERE user_id = :userId")
			.param("userId", userId)
			.param("step", step)
			.update();
	}

	void markStepUsed(UUID userId, long step) {
		this.jdbc.sql("UPDATE user_totp SET last_used_step = :step WHERE user_id = :userId")
			.param("userId", userId)
			.param("step", step)
			.update();
	}

	void delete(UUID userId) {
		this.jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("DELETE FROM mfa_challenges WHERE user_id = :userId").param("userId", userId).update();
		this.jdbc.sql("DELETE FROM user_totp WHERE user_id = :userId").param("userId", userId).update();
	}

	void replaceRecoveryCodes(UUID userId, List<UUID> ids, List<byte[]> hashes) {
		this.jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :userId").param("userId", userId).update();
		for (int i = 0; i < ids.size(); i++) {
			this.jdbc.sql("INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (:id, :userId, :hash)")
				.param("id", ids.get(i))
				.param("userId", userId)
				.param("hash", hashes.get(i))
				.update();
		}
	}

	/** Spends a recovery code in one statement: it works once, even under a race. */
	boolean spendRecoveryCode(UUID userId, byte[] hash) {
		return this.jdbc.sql("""
				UPDATE recovery_codes SET used_at = now()
				WHERE user_id = :userId AND code_hash = :hash AND used_at IS NULL
				""").param("userId", userId).param("hash", hash).update() == 1;
	}

	void insertChallenge(UUID id, UUID userId, byte[] hash, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO mfa_challenges (id, user_id, token_hash, expires_at)
				VALUES (:id, :userId, :hash, :expiresAt)
				""")
			.param("id", id)
			.param("userId", userId)
			.param("hash", hash)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	Optional<Challenge> findChallengeForUpdate(byte[] hash) {
		return this.jdbc.sql("""
				SELECT id, user_id, failed_attempts, expires_at FROM mfa_challenges
				WHERE token_hash = :hash FOR UPDATE
				""").param("hash", hash).query(Challenge.class).optional();
	}

	void recordFailure(UUID challengeId) {
		this.jdbc.sql("UPDATE mfa_challenges SET failed_attempts = failed_attempts + 1 WHERE id = :id")
			.param("id", challengeId)
			.update();
	}

	void deleteChallenge(UUID challengeId) {
		this.jdbc.sql("DELETE FROM mfa_challenges WHERE id = :id").param("id", challengeId).update();
	}

	record StoredTotp(byte[] secretEncrypted, boolean confirmed, Long lastUsedStep) {
	}

	record Challenge(UUID id, UUID userId, int failedAttempts, Instant expiresAt) {
	}

}
