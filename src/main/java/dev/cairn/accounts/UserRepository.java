package dev.cairn.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserRow> findByEmail(String email) {
		return this.jdbc.sql("""
				SELECT id, email, display_name, is_admin
				FROM users
				WHERE lower(email) = lower(:email)
				""").param("email", email).query(UserRow.class).optional();
	}

	void insert(UUID id, String email, String displayName, String passwordHash, boolean admin) {
		this.jdbc.sql("""
				INSERT INTO users (id, email, display_name, password_hash, is_admin, email_verified_at)
				VALUES (:id, :email, :displayName, :passwordHash, :admin, now())
				""")
			.param("id", id)
			.param("email", email)
			.param("displayName", displayName)
			.param("passwordHash", passwordHash)
			.param("admin", admin)
			.update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id) VALUES (:id)").param("id", id).update();
	}

	void makeAdmin(UUID id) {
		this.jdbc.sql("UPDATE users SET is_admin = true, version = version + 1 WHERE id = :id AND NOT is_admin")
			.param("id", id)
			.update();
	}

	record UserRow(UUID id, String email, String displayName, boolean isAdmin) {
	}

}
