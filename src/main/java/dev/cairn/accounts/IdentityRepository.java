package dev.cairn.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdentityRepository {

	private final JdbcClient jdbc;

	IdentityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> findUser(String provider, String subject) {
		return this.jdbc.sql("SELECT user_id FROM user_identities WHERE provider = :provider AND subject = :subject")
			.param("provider", provider)
			.param("subject", subject)
			.query(UUID.class)
			.optional();
	}

	void link(String provider, String subject, UUID userId, String email) {
		this.jdbc.sql("""
				INSERT INTO user_identities (provider, subject, user_id, email)
				VALUES (:provider, :subject, :userId, :email)
				""")
			.param("provider", provider)
			.param("subject", subject)
			.param("userId", userId)
			.param("email", email)
			.update();
	}

}
