package dev.cairn.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal access tokens, stored as hashes. What a token grants is cached by its hash
 * ({@link CacheRegion#PERSONAL_TOKENS}) and evicted, on every node, in the transaction
 * that revokes it.
 * <p>
 * Reads {@code users} (accounts' table, as a read model): a token of a disabled account
 * opens nothing.
 */
@Repository
class PersonalTokenRepository {

	private final JdbcClient jdbc;

	private final Caches caches;

	PersonalTokenRepository(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
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
		List<byte[]> revoked = this.jdbc.sql("""
				UPDATE api_tokens SET revoked_at = now()
				WHERE user_id = :userId AND id = :id AND revoked_at IS NULL
				RETURNING token_hash
				""").param("userId", userId).param("id", id).query(byte[].class).list();
		revoked.forEach(this::evict);
		return !revoked.isEmpty();
	}

	/**
	 * The token's owner, scopes and expiry, when it is unrevoked and its owner active;
	 * cached by hash (the caller checks the expiry).
	 */
	Optional<Grant> findUsable(byte[] hash) {
		String grant = this.caches
			.get(CacheRegion.PERSONAL_TOKENS, HexFormat.of().formatHex(hash), () -> this.jdbc.sql("""
					SELECT t.id, t.user_id, t.scopes, t.expires_at
					FROM api_tokens t
					JOIN users u ON u.id = t.user_id
					WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL
					""")
				.param("hash", hash)
				.query((rs, row) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
						List.of((String[]) rs.getArray("scopes").getArray()), instant(rs.getTimestamp("expires_at"))))
				.optional()
				.map(Grant::encode)
				.orElse(""));
		return grant.isEmpty() ? Optional.empty() : Optional.of(Grant.decode(grant));
	}

	void revokeAll(UUID userId) {
		this.jdbc.sql("""
				UPDATE api_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL
				RETURNING token_hash
				""").param("userId", userId).query(byte[].class).list().forEach(this::evict);
	}

	private void evict(byte[] hash) {
		this.caches.evict(CacheRegion.PERSONAL_TOKENS, HexFormat.of().formatHex(hash));
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

	/**
	 * @param expiresAt null when the token does not expire
	 */
	record Grant(UUID tokenId, UUID userId, List<String> scopes, Instant expiresAt) {

		boolean usableAt(Instant now) {
			return this.expiresAt == null || this.expiresAt.isAfter(now);
		}

		// As cached: "tokenId userId expiresAt|- scope,scope"
		String encode() {
			return this.tokenId + " " + this.userId + " " + ((this.expiresAt != null) ? this.expiresAt : "-") + " "
					+ String.join(",", this.scopes);
		}

		static Grant decode(String value) {
			String[] parts = value.split(" ", -1);
			return new Grant(UUID.fromString(parts[0]), UUID.fromString(parts[1]),
					parts[3].isEmpty() ? List.of() : List.of(parts[3].split(",")),
					"-".equals(parts[2]) ? null : Instant.parse(parts[2]));
		}

	}

}
