package dev.cairn.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The active key first, then retired keys whose tokens may still be valid. */
	List<StoredKey> findUsable(Instant retiredAfter) {
		return this.jdbc.sql("""
				SELECT kid, public_key_pem, private_key_pem, retired_at
				FROM signing_keys
				WHERE retired_at IS NULL OR retired_at > :retiredAfter
				ORDER BY retired_at DESC NULLS FIRST, created_at DESC
				""").param("retiredAfter", java.sql.Timestamp.from(retiredAfter)).query(StoredKey.class).list();
	}

	/** Serializes key creation across nodes for the rest of the transaction. */
	void lockForCreation() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cairn.signing_keys'))").query().singleValue();
	}

	void retireActive() {
		this.jdbc.sql("UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL").update();
	}

	void insert(String kid, String publicKeyPem, String privateKeyPem) {
		this.jdbc.sql("""
				INSERT INTO signing_keys (kid, algorithm, public_key_pem, private_key_pem)
				VALUES (:kid, 'ES256', :publicKey, :privateKey)
				""").param("kid", kid).param("publicKey", publicKeyPem).param("privateKey", privateKeyPem).update();
	}

	record StoredKey(String kid, String publicKeyPem, String privateKeyPem, Instant retiredAt) {
	}

}
