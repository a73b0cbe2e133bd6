package dev.cairn.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OneTimeTokenRepository {

	private final JdbcClient jdbc;

	OneTimeTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, Purpose purpose, byte[] hash, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, expires_at)
				VALUES (:id, :userId, :purpose, :hash, :expiresAt)
				""")
			.param("id", id)
			.param("userId", userId)
			.param("purpose", purpose.value())
			.param("hash", hash)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/** Older unused tokens of the same purpose stop working when a new one is sent. */
	void invalidateUnused(UUID userId, Purpose purpose) {
		this.jdbc.sql("""
				UPDATE one_time_tokens SET used_at = now()
				WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL
				""").param("userId", userId).param("purpose", purpose.value()).update();
	}

	/**
	 * Spends the token in one statement, so two requests racing with it cannot both win.
	 * @return its user, when the token was unused and unexpired
	 */
	Optional<UUID> spend(byte[] hash, Purpose purpose) {
		return this.jdbc.sql("""
				UPDATE one_time_tokens SET used_at = now()
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
				RETURNING user_id
				""").param("hash", hash).param("purpose", purpose.value()).query(UUID.class).optional();
	}

	enum Purpose {

		EMAIL_VERIFICATION, PASSWORD_RESET;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
