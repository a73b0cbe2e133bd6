package dev.cairn.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of the task lists on 100 000 tasks: every filter and every sort is served by
 * an index, so the cost of a page does not grow with the table. Each statement is the one
 * {@link TaskRepository#findPage} runs, explained with its parameters bound. Plans, not
 * timings: those live in bench/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class TaskListPlanTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JdbcClient jdbc;

	private UUID project;

	private UUID status;

	private UUID assignee;

	private UUID label;

	private UUID parent;

	@BeforeAll
	void hundredThousandTasks() {
		DataSource dataSource = TestDatabase.migrated().dataSource();
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		// One large project (the hard case for a list) among 20 smaller ones.
		this.jdbc.sql("""
				INSERT INTO users (id, email, display_name)
				SELECT uuidv7(), 'user' || n || '@example.com', 'User ' || n FROM generate_series(1, 50) n;
				INSERT INTO projects (id, key, name) SELECT uuidv7(), 'P' || n, 'Project ' || n
				FROM generate_series(1, 21) n;
				INSERT INTO statuses (id, project_id, name, category, position)
				SELECT uuidv7(), p.id, s.name, s.category, s.position FROM projects p
				CROSS JOIN (VALUES ('Backlog', 'backlog', 0), ('Todo', 'unstarted', 1), ('Doing', 'started', 2),
				                   ('Done', 'completed', 3), ('Dropped', 'canceled', 4)) s (name, category, position);
				INSERT INTO project_members (project_id, user_id, role)
				SELECT p.id, u.id, 'member' FROM projects p CROSS JOIN users u;
				INSERT INTO labels (id, project_id, name) SELECT uuidv7(), p.id, 'label ' || n
				FROM projects p CROSS JOIN generate_series(1, 20) n;
				""").update();
		this.jdbc.sql("""
				WITH sized AS (
				    SELECT p.id, CASE WHEN p.key = 'P1' THEN 80000 ELSE 1000 END AS size,
				           array_agg(s.id ORDER BY s.position) AS statuses
				    FROM projects p JOIN statuses s ON s.project_id = p.id GROUP BY p.id, p.key),
				people AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
				INSERT INTO tasks (id, project_id, number, title, description, status_id, priority, assignee_id,
				                   reporter_id, due_date, position, updated_at)
				SELECT uuidv7(), sized.id, n, 'Task ' || n || ' ' || (ARRAY['import', 'export', 'login', 'report',
				       'search', 'billing', 'mobile', 'docs'])[1 + n % 8],
				       'Something about ' || md5(n::text), sized.statuses[1 + n % 5], n % 5,
				       CASE WHEN n % 3 = 0 THEN NULL ELSE people.ids[1 + n % 50] END, people.ids[1 + n % 7],
				       CASE WHEN n % 2 = 0 THEN DATE '2027-01-01' + (n % 365) END, n::bigint * 65536,
				       now() - make_interval(secs => n)
				FROM sized CROSS JOIN people CROSS JOIN LATERAL generate_series(1, sized.size) n;
				UPDATE tasks SET title = title || ' zeppelin' WHERE number % 5000 = 0;
				UPDATE projects p SET last_task_number = (SELECT max(number) FROM tasks t WHERE t.project_id = p.id);
				INSERT INTO task_labels (project_id, task_id, label_id)
				SELECT t.project_id, t.id, l.id FROM tasks t
				JOIN labels l ON l.project_id = t.project_id AND l.name = 'label ' || (1 + t.number % 20)
				WHERE t.number % 4 = 0;
				UPDATE tasks t SET parent_id = p.id FROM tasks p
				WHERE p.project_id = t.project_id AND p.number = t.number - t.number % 10 + 1 AND t.number % 10 <> 1
				  AND t.number % 100 < 20;
				INSERT INTO comments (id, task_id, author_id, body)
				SELECT uuidv7(), t.id, t.reporter_id, 'A comment' FROM tasks t WHERE t.number % 2 = 0;
				INSERT INTO events (id, type, project_id, task_id, actor_id)
				SELECT uuidv7(), 'task.created', t.project_id, t.id, t.reporter_id FROM tasks t;
				ANALYZE;
				""").update();
		this.project = this.jdbc.sql("SELECT id FROM projects WHERE key = 'P1'").query(UUID.class).single();
		this.status = this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p AND name = 'Doing'")
			.param("p", this.project)
			.query(UUID.class)
			.single();
		this.assignee = this.jdbc.sql("SELECT min(assignee_id::text)::uuid FROM tasks WHERE project_id = :p")
			.param("p", this.project)
			.query(UUID.class)
			.single();
		this.label = this.jdbc.sql("SELECT id FROM labels WHERE project_id = :p AND name = 'label 5'")
			.param("p", this.project)
			.query(UUID.class)
			.single();
		this.parent = this.jdbc.sql("SELECT id FROM tasks WHERE project_id = :p AND number = 1")
			.param("p", this.project)
			.query(UUID.class)
			.single();
	}

	@Test
	void theTableHoldsAHundredThousandTasks() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM tasks").query(Integer.class).single()).isEqualTo(100_000);
	}

	@Test
	void everySortIsOneScanOfItsIndexFirstPageAndNext() {
		Map<String, String> indexes = Map.of("-createdAt", "tasks_project_live_id_idx", "createdAt",
				"tasks_project_live_id_idx", "-updatedAt", "tasks_project_updated_at_idx", "dueDate",
				"tasks_project_due_sort_idx", "-dueDate", "tasks_project_due_sort_idx", "-priority",
				"tasks_project_priority_idx", "number", "tasks_project_id_number_key");
		indexes.forEach((sort, index) -> {
			TaskSort order = TaskSort.parse(sort);
			String first = plan(filter(), order, null);
			assertThat(first).as(sort).contains(index).doesNotContain("Seq Scan on tasks", "Sort  ");
			List<String> after = secondPagePosition(order);
			String next = plan(filter(), order, after);
			assertThat(next).as(sort + ", second page").contains(index).doesNotContain("Seq Scan on tasks", "Sort  ");
			// The cursor is where the scan starts (Index Cond), not a filter on rows read
			// from the beginning: a later page costs no more than the first.
			// (number is unique, so its keyset names no id.)
			String keyset = "number".equals(sort) ? "(number > " : after.get(1);
			assertThat(next.lines().filter((line) -> line.contains(keyset)))
				.as(sort + ", second page: the cursor's id is in the index condition")
				.isNotEmpty()
				.allMatch((line) -> line.contains("Index Cond"));
		});
	}

	@Test
	void theBoardColumnIsItsIndexInOrder() {
		TaskFilter column = TaskFilter.NONE.withStatuses(List.of(this.status));
		assertThat(plan(column, TaskSort.parse("position"), null)).contains("tasks_project_status_position_idx")
			.doesNotContain("Seq Scan on tasks", "Sort  ");
	}

	@Test
	void everyFilterIsServedByAnIndex() {
		List<TaskFilter> filters = List.of(TaskFilter.NONE.withStatuses(List.of(this.status)),
				TaskFilter.NONE.withAssignee(new AssigneeFilter.User(this.assignee)),
				TaskFilter.NONE.withStatusCategories(List.of("completed", "canceled")),
				TaskFilter.NONE.withPriority(Priority.URGENT), TaskFilter.NONE.withText("billing"),
				TaskFilter.NONE.withDueBefore(LocalDate.of(2027, 1, 10)),
				TaskFilter.NONE.withUpdatedSince(java.time.Instant.now().minusSeconds(600)),
				TaskFilter.NONE.withLabel(this.label),
				TaskFilter.NONE.withParent(new ParentFilter.SubtasksOf(this.parent)),
				TaskFilter.NONE.withAssignee(new AssigneeFilter.User(this.assignee))
					.withPriority(Priority.MEDIUM)
					.withText("import")
					.withLabel(this.label));
		for (TaskFilter filter : filters) {
			assertThat(plan(filter, TaskSort.DEFAULT, null)).as(filter.toString()).doesNotContain("Seq Scan on tasks");
		}
	}

	// The labels are a subquery in the page's select list: PostgreSQL must run it for the
	// rows the page returns, after any sort, not for every row that matches a filter.
	@Test
	void labelsAreReadOnlyForTheRowsOfThePage() {
		List<TaskFilter> filters = List.of(filter(), TaskFilter.NONE.withText("billing"),
				TaskFilter.NONE.withLabel(this.label),
				TaskFilter.NONE.withAssignee(new AssigneeFilter.User(this.assignee))
					.withPriority(Priority.MEDIUM)
					.withText("import"));
		for (TaskFilter filter : filters) {
			for (String sort : List.of("-createdAt", "-updatedAt", "dueDate")) {
				TaskFilter.Sql query = TaskRepository.pageQuery(this.project, filter, TaskSort.parse(sort), null, 51);
				JsonNode plan = JSON.readTree(this.jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + query.text())
					.params(query.params())
					.query(String.class)
					.single());
				List<JsonNode> labelReads = plan.findParents("Parent Relationship")
					.stream()
					.filter((node) -> node.path("Parent Relationship").asString().equals("SubPlan"))
					.filter((node) -> node.path("Relation Name").asString().equals("task_labels"))
					.toList();
				assertThat(labelReads).as("%s by %s", filter, sort)
					.isNotEmpty()
					.allSatisfy((read) -> assertThat(read.path("Actual Loops").asInt()).isLessThanOrEqualTo(51));
			}
		}
	}

	// A common word is best found by walking the list and filtering (the filters test);
	// a rare one by probing the project's entries of the search index.
	@Test
	void aRareWordIsSearchedInTheProjectsEntriesOnly() {
		TaskFilter search = TaskFilter.NONE.withText("zeppelin");
		assertThat(plan(search, TaskSort.DEFAULT, null)).contains("tasks_project_search_idx")
			.doesNotContain("Seq Scan on tasks");
	}

	@Test
	void commentsAndActivityPageThroughTheirIndexes() {
		UUID task = this.parent;
		assertThat(explain("SELECT * FROM comments WHERE task_id = :task AND id > :after ORDER BY id LIMIT 51",
				Map.of("task", task, "after", new UUID(0, 0))))
			.contains("comments_task_id_idx")
			.doesNotContain("Seq Scan");
		// In the large project, walking the primary key backwards is as good; in a small
		// one only the project's index is.
		assertThat(explain("SELECT * FROM events WHERE project_id = :p ORDER BY id DESC LIMIT 51",
				Map.of("p", this.project)))
			.contains("Index Scan")
			.doesNotContain("Seq Scan", "Sort  ");
		UUID small = this.jdbc.sql("SELECT id FROM projects WHERE key = 'P2'").query(UUID.class).single();
		assertThat(explain("SELECT * FROM events WHERE project_id = :p ORDER BY id DESC LIMIT 51", Map.of("p", small)))
			.contains("events_project_id_idx")
			.doesNotContain("Seq Scan", "Sort  ");
		assertThat(explain("SELECT * FROM events WHERE task_id = :t ORDER BY id DESC LIMIT 51", Map.of("t", task)))
			.contains("events_task_id_idx")
			.doesNotContain("Seq Scan");
	}

	private TaskFilter filter() {
		return TaskFilter.NONE;
	}

	private List<String> secondPagePosition(TaskSort sort) {
		TaskFilter.Sql query = TaskRepository.pageQuery(this.project, filter(), sort, null, 51);
		Task last = this.jdbc.sql(query.text()).params(query.params()).query(TaskRepository::task).list().get(50);
		return sort.position(last);
	}

	private String plan(TaskFilter filter, TaskSort sort, List<String> after) {
		TaskFilter.Sql query = TaskRepository.pageQuery(this.project, filter, sort, after, 51);
		return explain(query.text(), query.params());
	}

	private String explain(String sql, Map<String, ?> params) {
		return this.jdbc.sql("EXPLAIN " + sql)
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.joining("\n"));
	}

}
