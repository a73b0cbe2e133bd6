package dev.cairn.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A project's workflow states. Every write evicts the project's cached states
 * ({@link CacheRegion#PROJECT_STATUSES}, read by task writes) in the same transaction.
 */
@Repository
class StatusRepository {

	private final JdbcClient jdbc;

	private final Caches caches;

	StatusRepository(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	/** All statuses of a project in board order, locked when {@code forUpdate}. */
	List<Status> findAll(UUID projectId, boolean forUpdate) {
		return this.jdbc.sql("""
				SELECT id, name, category, position FROM statuses
				WHERE project_id = :projectId
				ORDER BY position, id
				""" + (forUpdate ? " FOR UPDATE" : ""))
			.param("projectId", projectId)
			.query(StatusRepository::status)
			.list();
	}

	Optional<Status> find(UUID projectId, UUID id) {
		return this.jdbc
			.sql("SELECT id, name, category, position FROM statuses WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.query(StatusRepository::status)
			.optional();
	}

	/**
	 * @return false when the name is taken in the project
	 */
	boolean insert(UUID projectId, Status status) {
		return saved("""
				INSERT INTO statuses (id, project_id, name, category, position)
				VALUES (:id, :projectId, :name, :category, :position)
				""", projectId, status);
	}

	/**
	 * @return false when the new name is taken in the project
	 */
	boolean update(UUID projectId, Status status) {
		return saved("""
				UPDATE statuses SET name = :name, category = :category, position = :position
				WHERE project_id = :projectId AND id = :id
				""", projectId, status);
	}

	// A duplicate name ends the transaction's usefulness; the caller answers 409
	// and rolls back.
	private boolean saved(String sql, UUID projectId, Status status) {
		try {
			this.jdbc.sql(sql)
				.param("id", status.id())
				.param("projectId", projectId)
				.param("name", status.name())
				.param("category", status.category().value())
				.param("position", status.position())
				.update();
			evict(projectId);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Counts every task in the status, the trashed ones too (they keep their status). */
	long countTasks(UUID projectId, UUID statusId) {
		return this.jdbc.sql("SELECT count(*) FROM tasks WHERE project_id = :projectId AND status_id = :statusId")
			.param("projectId", projectId)
			.param("statusId", statusId)
			.query(Long.class)
			.single();
	}

	/**
	 * Takes the project row lock that task moves take first, so a status deletion and a
	 * move queue up instead of deadlocking (project, then statuses, then tasks).
	 */
	void lockProject(UUID projectId) {
		this.jdbc.sql("SELECT id FROM projects WHERE id = :projectId FOR NO KEY UPDATE")
			.param("projectId", projectId)
			.query(UUID.class)
			.optional();
	}

	void delete(UUID projectId, UUID id) {
		this.jdbc.sql("DELETE FROM statuses WHERE project_id = :projectId AND id = :id")
			.param("projectId", projectId)
			.param("id", id)
			.update();
		evict(projectId);
	}

	private static Status status(ResultSet row, int rowNum) throws SQLException {
		return new Status(row.getObject("id", UUID.class), row.getString("name"),
				StatusCategory.of(row.getString("category")).orElseThrow(), row.getInt("position"));
	}

	private void evict(UUID projectId) {
		this.caches.evict(CacheRegion.PROJECT_STATUSES, projectId.toString());
	}

}
