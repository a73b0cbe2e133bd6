package dev.cairn.accounts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as they were, with their ids and times: for seed data (and later for restoring
 * an export). No checks and no events: the caller vouches for every value, so this is
 * never the way a person signs up.
 */
@Component
public class UserImports {

	private final JdbcClient jdbc;

	UserImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(ImportedUser user) {
		this.jdbc.sql("""
				INSERT INTO users (id, email, display_name, password_hash, email_verified_at)
				VALUES (:id, :email, :name, :hash, :verifiedAt)
				""")
			.param("id", user.id())
			.param("email", user.email())
			.param("name", user.displayName())
			.param("hash", user.passwordHash())
			.param("verifiedAt",
					(user.emailVerifiedAt() != null) ? java.sql.Timestamp.from(user.emailVerifiedAt()) : null)
			.update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, timezone, locale) VALUES (:id, :timezone, :locale)")
			.param("id", user.id())
			.param("timezone", user.timezone())
			.param("locale", user.locale())
			.update();
	}

	/**
	 * @param passwordHash an Argon2id hash ({@link PasswordHasher})
	 */
	public record ImportedUser(UUID id, String email, String displayName, String passwordHash, Instant emailVerifiedAt,
			String timezone, String locale) {
	}

}
