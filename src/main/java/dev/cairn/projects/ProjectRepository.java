package dev.cairn.projects;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Projects. Trashing or restoring one evicts its cached liveness
 * ({@link CacheRegion#LIVE_PROJECTS}, read by every access check) in the same
 * transaction.
 * <p>
 * Reads {@code project_members} (members' table, as a read model): a caller's projects
 * and roles.
 */
@Repository
class ProjectRepository {

	private static final String COLUMNS = "p.id, p.key, p.name, p.description, p.created_at, p.updated_at, "
			+ "p.deleted_at, p.version";

	private final JdbcClient jdbc;

	private final Caches caches;

	ProjectRepository(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	/**
	 * @return false when the key is taken (by a live or a trashed project)
	 */
	boolean insert(UUID id, String key, String name, String description, UUID createdBy) {
		return this.jdbc.sql("""
				INSERT INTO projects (id, key, name, description, created_by)
				VALUES (:id, :key, :name, :description, :createdBy)
				ON CONFLICT (key) DO NOTHING
				""")
			.param("id", id)
			.param("key", key)
			.param("name", name)
			.param("description", description)
			.param("createdBy", createdBy)
			.update() == 1;
	}

	void insertStatus(UUID id, UUID projectId, String name, StatusCategory category, int position) {
		this.jdbc.sql("""
				INSERT INTO statuses (id, project_id, name, category, position)
				VALUES (:id, :projectId, :name, :category, :position)
				""")
			.param("id", id)
			.param("projectId", projectId)
			.param("name", name)
			.param("category", category.value())
			.param("position", position)
			.update();
	}

	Optional<Project> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects p WHERE p.id = :id")
			.param("id", id)
			.query(Project.class)
			.optional();
	}

	/** Locks the row for an update, so version checks and changes are one atomic step. */
	Optional<Project> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects p WHERE p.id = :id FOR UPDATE")
			.param("id", id)
			.query(Project.class)
			.optional();
	}

	/** The live projects the user is a member of, by id, after {@code afterId}. */
	List<MyProject> findMine(UUID userId, UUID afterId, int limit) {
		return this.jdbc.sql("""
				SELECT %s, m.role
				FROM project_members m
				JOIN projects p ON p.id = m.project_id
				WHERE m.user_id = :userId AND p.deleted_at IS NULL
				  AND (CAST(:afterId AS uuid) IS NULL OR m.project_id > :afterId)
				ORDER BY m.project_id
				LIMIT :limit
				""".formatted(COLUMNS))
			.param("userId", userId)
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs, row) -> new MyProject(
					new Project(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("name"),
							rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("updated_at").toInstant(), null, rs.getLong("version")),
					rs.getString("role")))
			.list();
	}

	void update(UUID id, String name, String description) {
		this.jdbc.sql("""
				UPDATE projects SET name = :name, description = :description, version = version + 1
				WHERE id = :id
				""").param("id", id).param("name", name).param("description", description).update();
	}

	void setDeleted(UUID id, boolean deleted) {
		this.jdbc.sql("""
				UPDATE projects
				SET deleted_at = CASE WHEN :deleted THEN now() END, version = version + 1
				WHERE id = :id
				""").param("id", id).param("deleted", deleted).update();
		this.caches.evict(CacheRegion.LIVE_PROJECTS, id.toString());
	}

	record MyProject(Project project, String role) {
	}

}
