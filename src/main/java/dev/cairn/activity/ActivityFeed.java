package dev.cairn.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.web.Cursor;
import dev.cairn.web.Cursor.ListKey;
import dev.cairn.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event log as feeds, newest first, a keyset page at a time (served by
 * events_project_id_idx and events_task_id_idx). It does not check access: the module
 * that owns the project or task does, before asking.
 */
@Component
public class ActivityFeed {

	private static final String SELECT = """
			SELECT id, type, occurred_at, actor_id, project_id, task_id, data::text AS data FROM events
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Cursor cursors;

	ActivityFeed(JdbcClient jdbc, JsonMapper json, Cursor cursors) {
		this.jdbc = jdbc;
		this.json = json;
		this.cursors = cursors;
	}

	/**
	 * A page of everything that happened in a project.
	 * @param cursor the previous page's {@code nextCursor}, or null
	 */
	@Transactional(readOnly = true)
	public Page<ActivityEntry> ofProject(UUID projectId, String cursor, int limit) {
		ListKey list = ListKey.of("activity:project", projectId);
		return page(list, "project_id", projectId, this.cursors.afterId(list, cursor), limit);
	}

	/**
	 * A page of the history of one task.
	 * @param cursor the previous page's {@code nextCursor}, or null
	 */
	@Transactional(readOnly = true)
	public Page<ActivityEntry> ofTask(UUID taskId, String cursor, int limit) {
		ListKey list = ListKey.of("activity:task", taskId);
		return page(list, "task_id", taskId, this.cursors.afterId(list, cursor), limit);
	}

	// The column comes from the two callers above, never from a request. Two statements
	// rather than "after IS NULL OR id < after", so that the keyset is an index condition
	// in a generic plan too.
	private Page<ActivityEntry> page(ListKey kind, String column, UUID scope, UUID after, int limit) {
		String keyset = (after != null) ? " AND id < :after" : "";
		List<ActivityEntry> rows = this.jdbc
			.sql(SELECT + " WHERE " + column + " = :scope" + keyset + " ORDER BY id DESC LIMIT :limit")
			.param("scope", scope)
			.params((after != null) ? java.util.Map.of("after", after) : java.util.Map.of())
			.param("limit", limit + 1)
			.query(this::entry)
			.list();
		return this.cursors.page(kind, rows, limit, (entry) -> List.of(entry.id().toString()));
	}

	private ActivityEntry entry(ResultSet rs, int row) throws SQLException {
		return new ActivityEntry(rs.getObject("id", UUID.class), rs.getString("type"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getObject("project_id", UUID.class), rs.getObject("task_id", UUID.class),
				this.json.readTree(rs.getString("data")));
	}

}
