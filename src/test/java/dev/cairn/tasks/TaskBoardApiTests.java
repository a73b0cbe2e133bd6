package dev.cairn.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TaskBoardApiTests extends ApiTestSupport {

	@Test
	void tasksMoveBetweenNeighboursWithinAndAcrossColumns() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID todo = this.api.status(project, "Todo");
		String a = task(owner, project, "A", todo);
		String b = task(owner, project, "B", todo);
		String c = task(owner, project, "C", todo);
		assertThat(column(owner, project, todo)).containsExactly("A", "B", "C");

		move(owner, c, Map.of("afterTaskId", a)).expectStatus().isOk();
		assertThat(column(owner, project, todo)).containsExactly("A", "C", "B");
		move(owner, b, Map.of("beforeTaskId", a)).expectStatus().isOk();
		assertThat(column(owner, project, todo)).containsExactly("B", "A", "C");

		UUID done = this.api.status(project, "Done");
		move(owner, a, Map.of("statusId", done.toString())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.statusId")
			.isEqualTo(done.toString())
			.jsonPath("$.completedAt")
			.isNotEmpty();
		assertThat(column(owner, project, todo)).containsExactly("B", "C");
		// Dropped next to a task of another column, the task goes to that column.
		move(owner, c, Map.of("beforeTaskId", a)).expectStatus().isOk();
		assertThat(column(owner, project, done)).containsExactly("C", "A");
		assertThat(this.jdbc
			.sql("SELECT data->'changes' FROM events WHERE task_id = :t AND type = 'task.moved'"
					+ " ORDER BY id DESC LIMIT 1")
			.param("t", UUID.fromString(c))
			.query(String.class)
			.single()).isEqualTo("[\"statusId\", \"position\"]");
	}

	@Test
	void aGapThatRunsOutIsSpreadOutAgainKeepingTheOrder() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID todo = this.api.status(project, "Todo");
		String a = task(owner, project, "A", todo);
		String b = task(owner, project, "B", todo);
		String c = task(owner, project, "C", todo);
		this.jdbc
			.sql("UPDATE tasks SET position = CASE title WHEN 'A' THEN 7 WHEN 'B' THEN 8 ELSE 9 END"
					+ " WHERE project_id = :p")
			.param("p", project)
			.update();

		move(owner, c, Map.of("afterTaskId", a, "beforeTaskId", b)).expectStatus().isOk();

		assertThat(column(owner, project, todo)).containsExactly("A", "C", "B");
		assertThat(positions(todo)).doesNotHaveDuplicates().isSorted().allMatch((position) -> position >= 0);
	}

	@Test
	void badMovesAreRefusedAndChangeNothing() {
		SignedIn owner = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, viewer, "viewer");
		UUID todo = this.api.status(project, "Todo");
		String a = task(owner, project, "A", todo);
		String b = task(owner, project, "B", todo);
		String c = task(owner, project, "C", todo);
		String elsewhere = (String) this.api.task(owner, this.api.project(owner), Map.of("title", "X")).get("id");
		String backlogTask = task(owner, project, "In backlog", this.api.status(project, "Backlog"));
		List<Object> before = this.jdbc.sql("SELECT status_id, position, version FROM tasks WHERE project_id = :p")
			.param("p", project)
			.query((rs, row) -> (Object) List.of(rs.getObject(1), rs.getLong(2), rs.getLong(3)))
			.list();

		expectProblem(move(owner, a, Map.of("afterTaskId", elsewhere)), 422, "invalid_reference");
		expectProblem(move(owner, a, Map.of("afterTaskId", a)), 422, "invalid_reference");
		expectProblem(move(owner, a, Map.of("statusId", todo.toString(), "afterTaskId", backlogTask)), 422,
				"invalid_reference");
		expectProblem(move(owner, a, Map.of("statusId", UUID.randomUUID().toString())), 422, "invalid_reference");
		expectProblem(move(owner, a, Map.of("afterTaskId", b, "beforeTaskId", backlogTask)), 422, "invalid_reference");
		expectProblem(move(owner, c, Map.of("afterTaskId", a, "beforeTaskId", c)), 422, "invalid_reference");
		expectProblem(move(owner, backlogTask, Map.of("afterTaskId", a, "beforeTaskId", c)), 409, "not_neighbours");
		expectProblem(move(owner, b, Map.of("afterTaskId", b.replace('-', 'x'))), 400, "validation_failed");
		expectProblem(move(owner, b, Map.of("after", a)), 400, "validation_failed");
		expectProblem(move(viewer, a, Map.of("afterTaskId", b)), 403, "role_forbids");
		expectProblem(move(stranger, a, Map.of("afterTaskId", b)), 404, "task_not_found");
		expectProblem(this.client.post()
			.uri("/api/v1/tasks/" + a + "/move")
			.header("Authorization", owner.bearer())
			.header("If-Match", "\"9\"")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("afterTaskId", b))
			.exchange(), 412, "precondition_failed");

		assertThat(this.jdbc.sql("SELECT status_id, position, version FROM tasks WHERE project_id = :p")
			.param("p", project)
			.query((rs, row) -> (Object) List.of(rs.getObject(1), rs.getLong(2), rs.getLong(3)))
			.list()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE type = 'task.moved' AND project_id = :p")
			.param("p", project)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void parallelMovesNeverGiveTwoTasksOnePosition() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID todo = this.api.status(project, "Todo");
		UUID started = this.api.status(project, "In Progress");
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			tasks.add(task(owner, project, "T" + i, todo));
		}
		String anchor = task(owner, project, "Anchor", started);
		CountDownLatch start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(6)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < tasks.size(); i++) {
				String task = tasks.get(i);
				// Half drop in one place in the other column, half shuffle in their own.
				Map<String, Object> where = (i % 2 == 0) ? Map.of("afterTaskId", anchor)
						: Map.of("beforeTaskId", tasks.get(0));
				results.add(pool.submit(() -> {
					start.await();
					return move(owner, task, where).returnResult(String.class).getStatus().value();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isIn(200, 422);
			}
		}
		assertThat(positions(todo)).doesNotHaveDuplicates();
		assertThat(positions(started)).doesNotHaveDuplicates().hasSizeGreaterThan(1);
	}

	private String task(SignedIn owner, UUID project, String title, UUID status) {
		return (String) this.api.task(owner, project, Map.of("title", title, "statusId", status.toString())).get("id");
	}

	private RestTestClient.ResponseSpec move(SignedIn user, String task, Map<String, ?> where) {
		return this.api.call(user, HttpMethod.POST, "/api/v1/tasks/" + task + "/move", where);
	}

	private List<Object> column(SignedIn user, UUID project, UUID status) {
		return Api.values(this.api.page(user, "/api/v1/projects/" + project + "/tasks?sort=position&status=" + status),
				"title");
	}

	private List<Long> positions(UUID status) {
		return this.jdbc.sql("SELECT position FROM tasks WHERE status_id = :s ORDER BY position")
			.param("s", status)
			.query(Long.class)
			.list();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

}
