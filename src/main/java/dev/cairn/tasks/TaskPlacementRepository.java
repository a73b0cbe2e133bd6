package dev.cairn.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where tasks sit: their positions in board columns and their places in subtask trees.
 * <p>
 * Reads {@code projects} (projects' table) only to lock the project row that orders task
 * moves.
 */
@Repository
class TaskPlacementRepository {

	private final JdbcClient jdbc;

	TaskPlacementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A position below every live task in the status (board columns grow downwards). */
	long bottomOf(UUID projectId, UUID statusId) {
		return this.jdbc.sql("""
				SELECT coalesce(max(position), 0) + :gap FROM tasks
				WHERE project_id = :projectId AND status_id = :statusId
				""")
			.param("projectId", projectId)
			.param("statusId", statusId)
			.param("gap", Positions.GAP)
			.query(Long.class)
			.single();
	}

	/**
	 * Locks the project row for a change of positions or parents. Everything that places
	 * a task in a column or under a parent takes this lock before any task row, so moves
	 * are serialized per project (no two tasks share a position, no two reparentings make
	 * a cycle together) and the lock order is always project, then tasks.
	 * @return false when the project is gone
	 */
	boolean lockProject(UUID projectId) {
		return this.jdbc.sql("SELECT id FROM projects WHERE id = :projectId AND deleted_at IS NULL FOR NO KEY UPDATE")
			.param("projectId", projectId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * The position of the nearest task above {@code position} in a column (trashed tasks
	 * included: they keep their place for a restore), leaving out the task being moved.
	 */
	Optional<Long> positionAbove(UUID projectId, UUID statusId, long position, UUID except) {
		return this.jdbc.sql("""
				SELECT position FROM tasks
				WHERE project_id = :projectId AND status_id = :statusId AND position < :position AND id <> :except
				ORDER BY position DESC LIMIT 1
				""")
			.param("projectId", projectId)
			.param("statusId", statusId)
			.param("position", position)
			.param("except", except)
			.query(Long.class)
			.optional();
	}

	/** The position of the nearest task below {@code position} in a column. */
	Optional<Long> positionBelow(UUID projectId, UUID statusId, long position, UUID except) {
		return this.jdbc.sql("""
				SELECT position FROM tasks
				WHERE project_id = :projectId AND status_id = :statusId AND position > :position AND id <> :except
				ORDER BY position LIMIT 1
				""")
			.param("projectId", projectId)
			.param("statusId", statusId)
			.param("position", position)
			.param("except", except)
			.query(Long.class)
			.optional();
	}

	/**
	 * Spreads a column's tasks out again, keeping their order, when two neighbours have
	 * no room left between them. Rare: it takes some sixteen moves into the same gap.
	 */
	void rebalance(UUID projectId, UUID statusId) {
		this.jdbc.sql("""
				UPDATE tasks SET position = ordered.rank * :gap, version = version + 1
				FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rank FROM tasks
				      WHERE project_id = :projectId AND status_id = :statusId) ordered
				WHERE tasks.project_id = :projectId AND tasks.id = ordered.id
				""").param("projectId", projectId).param("statusId", statusId).param("gap", Positions.GAP).update();
	}

	/**
	 * Moves every task of a status to the bottom of another, keeping their order, and
	 * completes or reopens them by the new status's category.
	 */
	void moveAll(UUID projectId, UUID from, UUID to, boolean done) {
		this.jdbc.sql("""
				UPDATE tasks t SET status_id = :to, version = t.version + 1,
				    position = bottom.position + moved.rank * :gap,
				    completed_at = CASE WHEN :done THEN coalesce(t.completed_at, now()) END
				FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rank FROM tasks
				      WHERE project_id = :projectId AND status_id = :from) moved,
				     (SELECT coalesce(max(position), 0) AS position FROM tasks
				      WHERE project_id = :projectId AND status_id = :to) bottom
				WHERE t.project_id = :projectId AND t.id = moved.id
				""")
			.param("projectId", projectId)
			.param("from", from)
			.param("to", to)
			.param("done", done)
			.param("gap", Positions.GAP)
			.update();
	}

	void move(UUID projectId, UUID taskId, UUID statusId, long position, boolean completed) {
		this.jdbc.sql("""
				UPDATE tasks SET status_id = :statusId, position = :position,
				    completed_at = CASE WHEN :completed THEN coalesce(completed_at, now()) END,
				    version = version + 1
				WHERE id = :id AND project_id = :projectId
				""")
			.param("id", taskId)
			.param("projectId", projectId)
			.param("statusId", statusId)
			.param("position", position)
			.param("completed", completed)
			.update();
	}

	/**
	 * A task and its ancestors, nearest first, as far as {@code limit} levels: the chain
	 * a new parent would put above a task.
	 */
	List<UUID> ancestry(UUID projectId, UUID taskId, int limit) {
		return this.jdbc.sql("""
				WITH RECURSIVE chain (id, parent_id, depth) AS (
				    SELECT id, parent_id, 1 FROM tasks WHERE project_id = :projectId AND id = :taskId
				    UNION ALL
				    SELECT t.id, t.parent_id, chain.depth + 1 FROM tasks t
				    JOIN chain ON t.project_id = :projectId AND t.id = chain.parent_id
				    WHERE chain.depth < :limit)
				SELECT id FROM chain ORDER BY depth
				""")
			.param("projectId", projectId)
			.param("taskId", taskId)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * How many levels of subtasks hang below a task (0 for none), counted up to
	 * {@code limit}.
	 */
	int subtreeHeight(UUID projectId, UUID taskId, int limit) {
		return this.jdbc.sql("""
				WITH RECURSIVE below (id, depth) AS (
				    SELECT id, 0 FROM tasks WHERE project_id = :projectId AND id = :taskId
				    UNION ALL
				    SELECT t.id, below.depth + 1 FROM tasks t
				    JOIN below ON t.project_id = :projectId AND t.parent_id = below.id
				    WHERE below.depth < :limit)
				SELECT coalesce(max(depth), 0) FROM below
				""")
			.param("projectId", projectId)
			.param("taskId", taskId)
			.param("limit", limit)
			.query(Integer.class)
			.single();
	}

}
