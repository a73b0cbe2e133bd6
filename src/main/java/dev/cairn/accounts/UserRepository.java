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

	Optional<Credentials> findCredentials(String email) {
		return this.jdbc.sql("""
				SELECT id, email, password_hash, disabled_at IS NOT NULL AS disabled
				FROM users
				WHERE lower(email) = lower(:email)
				""").param("email", email).query(Credentials.class).optional();
	}

	Optional<Credentials> findCredentials(UUID id) {
		return this.jdbc.sql("""
				SELECT id, email, password_hash, disabled_at IS NOT NULL AS disabled
				FROM users
				WHERE id = :id
				""").param("id", id).query(Credentials.class).optional();
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
		insertProfile(id);
	}

	/**
	 * @return false, changing nothing, when the email (in any case) has an account
	 */
	boolean insertIfEmailFree(UUID id, String email, String displayName, String passwordHash) {
		int inserted = this.jdbc.sql("""
				INSERT INTO users (id, email, display_name, password_hash)
				VALUES (:id, :email, :displayName, :passwordHash)
				ON CONFLICT ((lower(email))) DO NOTHING
				""")
			.param("id", id)
			.param("email", email)
			.param("displayName", displayName)
			.param("passwordHash", passwordHash)
			.update();
		if (inserted == 1) {
			insertProfile(id);
		}
		return inserted == 1;
	}

	private void insertProfile(UUID id) {
		this.jdbc.sql("INSERT INTO user_profiles (user_id) VALUES (:id)").param("id", id).update();
	}

	void makeAdmin(UUID id) {
		this.jdbc.sql("UPDATE users SET is_admin = true, version = version + 1 WHERE id = :id AND NOT is_admin")
			.param("id", id)
			.update();
	}

	void updatePasswordHash(UUID id, String passwordHash) {
		this.jdbc.sql("UPDATE users SET password_hash = :hash, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.update();
	}

	void markEmailVerified(UUID id) {
		this.jdbc.sql("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = :id")
			.param("id", id)
			.update();
	}

	Optional<Me> findMe(UUID id) {
		return this.jdbc.sql("""
				SELECT u.id, u.email, u.display_name, u.email_verified_at, u.is_admin, u.created_at,
				       p.bio, p.timezone, p.locale, p.avatar_url
				FROM users u
				JOIN user_profiles p ON p.user_id = u.id
				WHERE u.id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new Me(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), rs.getTimestamp("email_verified_at") != null,
					rs.getBoolean("is_admin"), rs.getTimestamp("created_at").toInstant(),
					new Me.Profile(rs.getString("bio"), rs.getString("timezone"), rs.getString("locale"),
							rs.getString("avatar_url"))))
			.optional();
	}

	void updateDisplayName(UUID id, String displayName) {
		this.jdbc.sql("UPDATE users SET display_name = :name, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("name", displayName)
			.update();
	}

	void updateProfile(UUID id, ProfilePatch patch) {
		// One statement whatever the patch holds: each column is set only when
		// its flag is.
		this.jdbc.sql("""
				UPDATE user_profiles SET
				    bio        = CASE WHEN :setBio THEN :bio ELSE bio END,
				    timezone   = CASE WHEN :setTimezone THEN :timezone ELSE timezone END,
				    locale     = CASE WHEN :setLocale THEN :locale ELSE locale END,
				    avatar_url = CASE WHEN :setAvatarUrl THEN :avatarUrl ELSE avatar_url END
				WHERE user_id = :id
				""")
			.param("id", id)
			.param("setBio", !patch.bio().isAbsent())
			.param("bio", patch.bio().applyTo(null))
			.param("setTimezone", !patch.timezone().isAbsent())
			.param("timezone", patch.timezone().applyTo(null))
			.param("setLocale", !patch.locale().isAbsent())
			.param("locale", patch.locale().applyTo(null))
			.param("setAvatarUrl", !patch.avatarUrl().isAbsent())
			.param("avatarUrl", patch.avatarUrl().applyTo(null))
			.update();
	}

	record UserRow(UUID id, String email, String displayName, boolean isAdmin) {
	}

	/**
	 * @param email the address as stored, the only one mail may ever go to
	 */
	record Credentials(UUID id, String email, String passwordHash, boolean disabled) {
	}

}
