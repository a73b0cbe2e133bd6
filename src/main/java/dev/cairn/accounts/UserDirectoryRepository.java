package dev.cairn.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people a user may see: themselves and everyone who shares a live project with them.
 * The visibility condition is part of every query, so no code path can forget it.
 * <p>
 * Reads {@code project_members} and {@code projects} (members' and projects' tables, as a
 * read model): who shares a live project with the caller decides whom the caller may see.
 */
@Repository
class UserDirectoryRepository {

	private static final String VISIBLE_TO_CALLER = """
			(u.id = :caller OR EXISTS (
			    SELECT 1
			    FROM project_members mine
			    JOIN project_members theirs ON theirs.project_id = mine.project_id
			    JOIN projects p ON p.id = mine.project_id AND p.deleted_at IS NULL
			    WHERE mine.user_id = :caller AND theirs.user_id = u.id))
			""";

	private static final RowMapper<UserProfileView> MAPPER = (rs, row) -> new UserProfileView(
			rs.getObject("id", UUID.class), rs.getString("display_name"), new Me.Profile(rs.getString("bio"),
					rs.getString("timezone"), rs.getString("locale"), rs.getString("avatar_url")));

	private final JdbcClient jdbc;

	UserDirectoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserProfileView> findVisible(UUID caller, UUID id) {
		return this.jdbc.sql("""
				SELECT u.id, u.display_name, p.bio, p.timezone, p.locale, p.avatar_url
				FROM users u JOIN user_profiles p ON p.user_id = u.id
				WHERE u.id = :id AND u.disabled_at IS NULL AND
				""" + VISIBLE_TO_CALLER).param("caller", caller).param("id", id).query(MAPPER).optional();
	}

	/**
	 * Visible users whose name starts with {@code query} (or has a word that does), or
	 * whose email is exactly {@code query} (never by prefix, which would let anyone spell
	 * an address out), ordered by name then id, after the keyset position
	 * {@code (afterName, afterId)}.
	 */
	List<UserProfileView> search(UUID caller, String query, String afterName, UUID afterId, int limit) {
		return this.jdbc.sql("""
				SELECT u.id, u.display_name, p.bio, p.timezone, p.locale, p.avatar_url
				FROM users u JOIN user_profiles p ON p.user_id = u.id
				WHERE u.disabled_at IS NULL
				  AND (lower(u.display_name) LIKE :prefix ESCAPE '\\' OR lower(u.display_name) LIKE :word ESCAPE '\\'
				       OR lower(u.email) = lower(:query))
				  AND (CAST(:afterName AS text) IS NULL OR (u.display_name, u.id) > (:afterName, :afterId))
				  AND
				""" + VISIBLE_TO_CALLER + """
				ORDER BY u.display_name, u.id
				LIMIT :limit
				""")
			.param("caller", caller)
			.param("query", query)
			.param("prefix", like(query) + "%")
			.param("word", "% " + like(query) + "%")
			.param("afterName", afterName)
			.param("afterId", afterId)
			.param("limit", limit)
			.query(MAPPER)
			.list();
	}

	private static String like(String text) {
		return text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
