package dev.cairn.members;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Memberships. Every write evicts the member's cached role ({@link ProjectAccess}) in the
 * same transaction, so no path can change a role and leave it cached.
 */
@Repository
class MemberRepository {

	private final JdbcClient jdbc;

	private final Caches caches;

	MemberRepository(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	static String roleKey(UUID projectId, UUID userId) {
		return projectId + ":" + userId;
	}

	Optional<Role> findRole(UUID projectId, UUID userId) {
		return this.jdbc.sql("SELECT role FROM project_members WHERE project_id = :projectId AND user_id = :userId")
			.param("projectId", projectId)
			.param("userId", userId)
			.query(String.class)
			.optional()
			.map(Role::of);
	}

	// The projects' table is read here, not through the projects module, which
	// depends on this one; projects evicts CacheRegion.LIVE_PROJECTS when a
	// project is trashed or restored.
	boolean isLiveProject(UUID projectId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects WHERE id = :id AND deleted_at IS NULL)")
			.param("id", projectId)
			.query(Boolean.class)
			.single();
	}

	Optional<Member> findOne(UUID projectId, UUID userId) {
		return this.jdbc.sql("""
				SELECT m.user_id, u.display_name, m.role, m.created_at AS joined_at
				FROM project_members m
				JOIN users u ON u.id = m.user_id
				WHERE m.project_id = :projectId AND m.user_id = :userId
				""").param("projectId", projectId).param("userId", userId).query(Member.class).optional();
	}

	/**
	 * @return false when the user is a member already
	 */
	boolean insertIfAbsent(UUID projectId, UUID userId, Role role) {
		boolean inserted = this.jdbc.sql("""
				INSERT INTO project_members (project_id, user_id, role) VALUES (:projectId, :userId, :role)
				ON CONFLICT (project_id, user_id) DO NOTHING
				""").param("projectId", projectId).param("userId", userId).param("role", role.value()).update() == 1;
		if (inserted) {
			evictRole(projectId, userId);
		}
		return inserted;
	}

	/**
	 * Locks every owner row of the project, so that two requests demoting or removing the
	 * last two owners at once cannot both succeed.
	 * @return the owners' ids
	 */
	List<UUID> lockOwners(UUID projectId) {
		return this.jdbc.sql("""
				SELECT user_id FROM project_members
				WHERE project_id = :projectId AND role = 'owner'
				ORDER BY user_id
				FOR UPDATE
				""").param("projectId", projectId).query(UUID.class).list();
	}

	// Display names come from the accounts' table: a read-only join for the member list.
	List<Member> findPage(UUID projectId, UUID afterUserId, int limit) {
		return this.jdbc.sql("""
				SELECT m.user_id, u.display_name, m.role, m.created_at AS joined_at
				FROM project_members m
				JOIN users u ON u.id = m.user_id
				WHERE m.project_id = :projectId
				  AND (CAST(:after AS uuid) IS NULL OR m.user_id > :after)
				ORDER BY m.user_id
				LIMIT :limit
				""")
			.param("projectId", projectId)
			.param("after", afterUserId)
			.param("limit", limit)
			.query(Member.class)
			.list();
	}

	/**
	 * Whether the user has an active account and is a member of a live project the caller
	 * is a member of (the users' and projects' tables read, not written).
	 */
	boolean sharesLiveProject(UUID callerId, UUID userId) {
		return this.jdbc.sql("""
				SELECT EXISTS (
				    SELECT 1
				    FROM project_members mine
				    JOIN project_members theirs ON theirs.project_id = mine.project_id
				    JOIN projects p ON p.id = mine.project_id AND p.deleted_at IS NULL
				    JOIN users u ON u.id = theirs.user_id AND u.disabled_at IS NULL
				    WHERE mine.user_id = :callerId AND theirs.user_id = :userId)
				""").param("callerId", callerId).param("userId", userId).query(Boolean.class).single();
	}

	void updateRole(UUID projectId, UUID userId, Role role) {
		this.jdbc.sql("UPDATE project_members SET role = :role WHERE project_id = :projectId AND user_id = :userId")
			.param("projectId", projectId)
			.param("userId", userId)
			.param("role", role.value())
			.update();
		evictRole(projectId, userId);
	}

	void delete(UUID projectId, UUID userId) {
		this.jdbc.sql("DELETE FROM project_members WHERE project_id = :projectId AND user_id = :userId")
			.param("projectId", projectId)
			.param("userId", userId)
			.update();
		evictRole(projectId, userId);
	}

	void insert(UUID projectId, UUID userId, Role role) {
		this.jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:projectId, :userId, :role)")
			.param("projectId", projectId)
			.param("userId", userId)
			.param("role", role.value())
			.update();
		evictRole(projectId, userId);
	}

	private void evictRole(UUID projectId, UUID userId) {
		this.caches.evict(CacheRegion.PROJECT_ROLES, roleKey(projectId, userId));
	}

}
