package dev.cairn.tasks;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code projects} and {@code statuses} (projects' tables, as a read model): keys,
 * trash and the workflow.
 */
@Repository
class TaskRepository {

	private static final String SELECT = """
			SELECT t.id, t.project_id, p.key AS project_key, t.number, t.title, t.description, t.status_id,
			       t.priority, t.assignee_id, t.reporter_id, t.parent_id, t.start_date, t.due_date, t.estimate,
			       t.position, t.custom_fields::text AS custom_fields,
			       t.completed_at, t.created_at, t.updated_at, t.deleted_at, t.version
			FROM tasks t
			JOIN projects p ON p.id = t.project_id AND p.deleted_at IS NULL
			""";

	private static final String SELECT_LABELED = SELECT.replace("FROM tasks t", """
			     , ARRAY(SELECT l.label_id FROM task_labels l WHERE l.task_id = t.id ORDER BY l.label_id) AS label_ids
			FROM tasks t""");

	/**
	 * Where {@link #SELECT_LABELED} puts the label ids: after {@link #SELECT}'s 21
	 * columns.
	 */
	private static final int LABEL_IDS = 22;

	private final JdbcClient jdbc;

	TaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new version (ETag) for every task that carries the label. */
	void bumpVersionsOfLabelled(UUID projectId, UUID labelId) {
		this.jdbc.sql("""
				UPDATE tasks SET version = version + 1
				WHERE project_id = :projectId
				  AND id IN (SELECT task_id FROM task_labels WHERE project_id = :projectId AND label_id = :labelId)
				""").param("projectId", projectId).param("labelId", labelId).update();
	}

	/** The project's statuses in board order, as {@code id:category} joined by commas. */
	String statusesOf(UUID projectId) {
		return String.join(",", this.jdbc.sql("""
				SELECT id || ':' || category FROM statuses WHERE project_id = :projectId ORDER BY position, id
				""").param("projectId", projectId).query(String.class).list());
	}

	/**
	 * Inserts a new task below every other task of its status, and reads it back as
	 * stored, in one statement. Runs after the project's TaskNumbering, whose lock makes
	 * the bottom position safe to take (a statement of its own, so its snapshot includes
	 * every task committed before the lock was granted).
	 */
	Task insertAtBottom(Task task) {
		return this.jdbc
			.sql("""
					INSERT INTO tasks (id, project_id, number, title, description, status_id, priority, assignee_id,
					                   reporter_id, parent_id, start_date, due_date, estimate, position, custom_fields,
					                   completed_at)
					SELECT :id, :projectId, :number, :title, :description, :statusId, :priority, :assigneeId,
					       :reporterId, :parentId, :startDate, :dueDate, :estimate, coalesce(max(b.position), 0) + :gap,
					       CAST(:customFields AS jsonb), CASE WHEN :completed THEN now() END
					FROM tasks b WHERE b.project_id = :projectId AND b.status_id = :statusId
					RETURNING id, project_id, :projectKey AS project_key, number, title, description, status_id, priority,
					          assignee_id, reporter_id, parent_id, start_date, due_date, estimate, position,
					          custom_fields::text AS custom_fields, completed_at, created_at, updated_at, deleted_at, version
					""")
			.param("id", task.id())
			.param("projectId", task.projectId())
			.param("projectKey", task.projectKey())
			.param("number", task.number())
			.param("title", task.title())
			.param("description", task.description())
			.param("statusId", task.statusId())
			.param("priority", task.priority().ordinal())
			.param("assigneeId", task.assigneeId())
			.param("reporterId", task.reporterId())
			.param("parentId", task.parentId())
			.param("startDate", date(task.startDate()))
			.param("dueDate", date(task.dueDate()))
			.param("estimate", task.estimate())
			.param("gap", Positions.GAP)
			.param("customFields", task.customFields())
			.param("completed", task.completedAt() != null)
			.query(TaskRepository::task)
			.single();
	}

	/** A task with its labels, in one statement: what a single-task read returns. */
	Optional<Labeled> findLabeled(UUID id) {
		return this.jdbc.sql(SELECT_LABELED + " WHERE t.id = :id")
			.param("id", id)
			.query(TaskRepository::labeled)
			.optional();
	}

	Optional<Labeled> findLabeledByKey(String projectKey, int number) {
		return this.jdbc.sql(SELECT_LABELED + " WHERE p.key = :key AND t.number = :number")
			.param("key", projectKey)
			.param("number", number)
			.query(TaskRepository::labeled)
			.optional();
	}

	private static Labeled labeled(ResultSet rs, int row) throws SQLException {
		UUID[] labels = (UUID[]) rs.getArray(LABEL_IDS).getArray();
		return new Labeled(task(rs, row), List.of(labels));
	}

	record Labeled(Task task, List<UUID> labels) {
	}

	Optional<Task> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(TaskRepository::task).optional();
	}

	Optional<Task> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id FOR UPDATE OF t")
			.param("id", id)
			.query(TaskRepository::task)
			.optional();
	}

	/**
	 * Writes every field of the locked row. Concurrent patches of different fields
	 * serialize on the row lock, and each applies to the state the previous one left.
	 * @param completed whether the task is done now; completedAt keeps its first time
	 */
	void update(Task task, boolean completed) {
		this.jdbc.sql("""
				UPDATE tasks SET title = :title, description = :description, status_id = :statusId,
				    priority = :priority, assignee_id = :assigneeId, parent_id = :parentId, start_date = :startDate,
				    due_date = :dueDate, estimate = :estimate, position = :position,
				    custom_fields = CAST(:customFields AS jsonb),
				    completed_at = CASE WHEN :completed THEN coalesce(completed_at, now()) END,
				    version = version + 1
				WHERE id = :id AND project_id = :projectId
				""")
			.param("id", task.id())
			.param("projectId", task.projectId())
			.param("title", task.title())
			.param("description", task.description())
			.param("statusId", task.statusId())
			.param("priority", task.priority().ordinal())
			.param("assigneeId", task.assigneeId())
			.param("parentId", task.parentId())
			.param("startDate", date(task.startDate()))
			.param("dueDate", date(task.dueDate()))
			.param("estimate", task.estimate())
			.param("position", task.position())
			.param("customFields", task.customFields())
			.param("completed", completed)
			.update();
	}

	/**
	 * A page of live tasks with their labels, in one statement, in the order asked for,
	 * resuming after a cursor's position (keyset: each order is served by an index, see
	 * TaskSort). PostgreSQL reads a row's labels only for the rows the LIMIT keeps, after
	 * any sort (TaskListPlanTests).
	 * @param after the position of the last row of the previous page, or null
	 */
	List<Labeled> findPage(UUID projectId, TaskFilter filter, TaskSort sort, List<String> after, int limit) {
		TaskFilter.Sql page = pageQuery(projectId, filter, sort, after, limit);
		return this.jdbc.sql(page.text()).params(page.params()).query(TaskRepository::labeled).list();
	}

	/**
	 * The statement {@link #findPage} runs, whole, for the test that checks its plans.
	 */
	static TaskFilter.Sql pageQuery(UUID projectId, TaskFilter filter, TaskSort sort, List<String> after, int limit) {
		TaskFilter.Sql sql = filter.toSql(projectId);
		Map<String, Object> params = new HashMap<>(sql.params());
		String where = (after != null) ? sql.text() + " AND " + sort.after(after, params) : sql.text();
		params.put("limit", limit);
		return new TaskFilter.Sql(SELECT_LABELED + " WHERE " + where + " ORDER BY " + sort.orderBy() + " LIMIT :limit",
				params);
	}

	/** A task's label ids, in id order. */
	List<UUID> labelsOf(UUID taskId) {
		return this.jdbc.sql("SELECT label_id FROM task_labels WHERE task_id = :taskId ORDER BY label_id")
			.param("taskId", taskId)
			.query(UUID.class)
			.list();
	}

	/** What putting a label on a task did. */
	enum Labelling {

		ADDED, ALREADY_THERE, NO_SUCH_LABEL

	}

	Labelling addLabel(UUID projectId, UUID taskId, UUID labelId) {
		if (!this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM labels WHERE project_id = :projectId AND id = :labelId)")
			.param("projectId", projectId)
			.param("labelId", labelId)
			.query(Boolean.class)
			.single()) {
			return Labelling.NO_SUCH_LABEL;
		}
		int added = this.jdbc.sql("""
				INSERT INTO task_labels (project_id, task_id, label_id) VALUES (:projectId, :taskId, :labelId)
				ON CONFLICT (task_id, label_id) DO NOTHING
				""").param("projectId", projectId).param("taskId", taskId).param("labelId", labelId).update();
		return (added == 1) ? Labelling.ADDED : Labelling.ALREADY_THERE;
	}

	boolean removeLabel(UUID projectId, UUID taskId, UUID labelId) {
		return this.jdbc.sql("""
				DELETE FROM task_labels WHERE project_id = :projectId AND task_id = :taskId AND label_id = :labelId
				""").param("projectId", projectId).param("taskId", taskId).param("labelId", labelId).update() == 1;
	}

	/**
	 * A new version for a change kept outside the task's row (its labels): the version is
	 * the task's ETag, and a cached copy with the old labels must not pass for current.
	 */
	void newVersion(UUID projectId, UUID id) {
		this.jdbc.sql("UPDATE tasks SET version = version + 1 WHERE id = :id AND project_id = :projectId")
			.param("id", id)
			.param("projectId", projectId)
			.update();
	}

	void setDeleted(UUID projectId, UUID id, boolean deleted) {
		this.jdbc.sql("""
				UPDATE tasks SET deleted_at = CASE WHEN :deleted THEN now() END, version = version + 1
				WHERE id = :id AND project_id = :projectId
				""").param("id", id).param("projectId", projectId).param("deleted", deleted).update();
	}

	/** Takes a deleted custom field's values off every task of its project. */
	int removeFieldValues(UUID projectId, UUID fieldId) {
		return this.jdbc.sql("""
				UPDATE tasks SET custom_fields = custom_fields - CAST(:fieldId AS text), version = version + 1
				WHERE project_id = :projectId AND custom_fields -> CAST(:fieldId AS text) IS NOT NULL
				""").param("projectId", projectId).param("fieldId", fieldId.toString()).update();
	}

	/**
	 * Takes removed options out of a select or multiselect field's values; a value left
	 * with no option is unset. ({@code ??|} is {@code ?|}, escaped for JDBC.)
	 */
	int removeOptionValues(UUID projectId, UUID fieldId, Collection<UUID> optionIds) {
		return this.jdbc
			.sql("""
					UPDATE tasks SET custom_fields = CASE
					        WHEN jsonb_typeof(custom_fields -> CAST(:fieldId AS text)) <> 'array'
					            THEN custom_fields - CAST(:fieldId AS text)
					        WHEN jsonb_array_length((custom_fields -> CAST(:fieldId AS text)) - CAST(:optionIds AS text[])) = 0
					            THEN custom_fields - CAST(:fieldId AS text)
					        ELSE jsonb_set(custom_fields, ARRAY[CAST(:fieldId AS text)],
					                       (custom_fields -> CAST(:fieldId AS text)) - CAST(:optionIds AS text[]))
					    END, version = version + 1
					WHERE project_id = :projectId AND (custom_fields -> CAST(:fieldId AS text)) ??| CAST(:optionIds AS text[])
					""")
			.param("projectId", projectId)
			.param("fieldId", fieldId.toString())
			.param("optionIds", optionIds.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	/**
	 * A row as a task. By hand, because the generic mapper asks the driver for Instant
	 * columns, which PostgreSQL's driver refuses with an exception it then catches: one
	 * per timestamp of every row of every page, a measurable share of a list's time. By
	 * position, because looking 21 names up for each of a page's rows was another: every
	 * statement that maps tasks selects {@link #SELECT}'s columns in {@link #SELECT}'s
	 * order (TaskRepositoryTests reads every kind back whole).
	 */
	static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
				rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), Priority.stored(rs.getInt(8)),
				rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getObject(11, UUID.class),
				localDate(rs.getDate(12)), localDate(rs.getDate(13)), rs.getBigDecimal(14), rs.getLong(15),
				rs.getString(16), instant(rs, 17), instant(rs, 18), instant(rs, 19), instant(rs, 20), rs.getLong(21));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Date date(java.time.LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

}
