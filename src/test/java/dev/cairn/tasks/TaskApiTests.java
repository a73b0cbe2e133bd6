package dev.cairn.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiTests extends ApiTestSupport {

	@Test
	void estimatesAreWrittenAsPlainNumbers() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String path = "/api/v1/projects/" + project + "/tasks";

		String ten = this.api.call(owner, HttpMethod.POST, path, Map.of("title", "Ten hours", "estimate", 10))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String halves = this.api.call(owner, HttpMethod.POST, path, Map.of("title", "Halves", "estimate", 2.50))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(ten).contains("\"estimate\":10,").doesNotContain("1E+1");
		assertThat(halves).contains("\"estimate\":2.5,");
	}

	@Test
	void tasksGetTheNextNumberOfTheirProjectAndAreFoundByIdAndKey() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> first = create(owner, project, Map.of("title", "  Write the README  ")).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/tasks/[0-9a-f-]{36}")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(first.get("number")).isEqualTo(1);
		assertThat(first.get("title")).isEqualTo("Write the README");
		assertThat(first.get("priority")).isEqualTo("none");
		assertThat(first.get("statusId")).isEqualTo(status(project, "Backlog").toString());
		assertThat(first.get("reporterId")).isEqualTo(owner.userId().toString());
		Map<?, ?> second = create(owner, project, Map.of("title", "Ship it", "priority", "high")).expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(second.get("number")).isEqualTo(2);

		String key = (String) second.get("key");
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/by-key/" + key, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(second.get("id"));
		this.client.get()
			.uri("/api/v1/tasks/" + second.get("id"))
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
			.exchange()
			.expectStatus()
			.isNotModified();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/by-key/NOPE-1", null).expectStatus().isNotFound();
	}

	@Test
	void strangersSeeNoTaskAndViewersOnlyRead() {
		SignedIn owner = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, viewer, "viewer");
		String task = id(create(owner, project, Map.of("title", "Secret plan")));

		this.api.call(stranger, HttpMethod.GET, "/api/v1/tasks/" + task, null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("task_not_found");
		this.api.call(stranger, HttpMethod.PATCH, "/api/v1/tasks/" + task, Map.of("title", "Mine"))
			.expectStatus()
			.isNotFound();
		this.api.call(viewer, HttpMethod.GET, "/api/v1/tasks/" + task, null).expectStatus().isOk();
		this.api.call(viewer, HttpMethod.PATCH, "/api/v1/tasks/" + task, Map.of("title", "Mine"))
			.expectStatus()
			.isForbidden();
		create(viewer, project, Map.of("title", "Mine")).expectStatus().isForbidden();
		create(stranger, project, Map.of("title", "Mine")).expectStatus().isNotFound();
	}

	@Test
	void enteringADoneStatusCompletesTheTaskAndLeavingItReopensIt() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = id(create(owner, project, Map.of("title", "Finish")));

		patch(owner, task, null, Map.of("statusId", status(project, "Done").toString())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completedAt")
			.isNotEmpty();
		patch(owner, task, null, Map.of("statusId", status(project, "Todo").toString())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completedAt")
			.isEmpty();
	}

	@Test
	void badChangesAreRefusedAndChangeNothing() {
		SignedIn owner = this.users.signedIn();
		SignedIn outsider = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID otherProject = this.api.project(owner);
		String task = id(create(owner, project, Map.of("title", "Stable")));

		patch(owner, task, "\"7\"", Map.of("title", "Lost")).expectStatus().isEqualTo(412);
		patch(owner, task, null, Map.of("priority", "asap")).expectStatus().isBadRequest();
		patch(owner, task, null, Map.of("number", 99)).expectStatus().isBadRequest();
		patch(owner, task, null, Map.of("assigneeId", outsider.userId().toString())).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_reference");
		patch(owner, task, null, Map.of("statusId", status(otherProject, "Todo").toString())).expectStatus()
			.isEqualTo(422);
		patch(owner, task, null, Map.of("startDate", "2026-12-10", "dueDate", "2026-12-01")).expectStatus()
			.isEqualTo(422);
		patch(owner, task, null, Map.of("dueDate", "tomorrow")).expectStatus().isBadRequest();
		create(owner, project, Map.of("title", " ")).expectStatus().isBadRequest();

		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task, null)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Stable")
			.jsonPath("$.version")
			.isEqualTo(1);
	}

	@Test
	void parallelCreationNeverDuplicatesANumber() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		CountDownLatch start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(8)) {
			List<Future<Object>> numbers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				int n = i;
				numbers.add(pool.submit(() -> {
					start.await();
					return create(owner, project, Map.of("title", "Task " + n)).expectBody(Map.class)
						.returnResult()
						.getResponseBody()
						.get("number");
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> number : numbers) {
				results.add(number.get());
			}
			assertThat(results).containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.rangeClosed(1, 16).boxed().map(Object.class::cast).toList());
		}
	}

	@Test
	void ofTwentyParallelPatchesCarryingOneIfMatchExactlyOneWins() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = id(create(owner, project, Map.of("title", "Contested")));
		CountDownLatch start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(20)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Map<String, Object> change = Map.of("title", "Version " + i);
				results.add(pool.submit(() -> {
					start.await();
					return patch(owner, task, "\"1\"", change).returnResult(String.class).getStatus().value();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(200, 412).filteredOn((status) -> status == 200).hasSize(1);
		}
		assertThat(this.jdbc.sql("SELECT version FROM tasks WHERE id = :id")
			.param("id", UUID.fromString(task))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void parallelPatchesOfDifferentFieldsAllSurvive() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = id(create(owner, project, Map.of("title", "Shared")));
		CountDownLatch start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(3)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("priority", "urgent"),
					Map.of("dueDate", "2027-01-15"), Map.of("description", "Written in parallel"))) {
				results.add(pool.submit(() -> {
					start.await();
					return patch(owner, task, null, change).returnResult(String.class).getStatus().value();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task, null)
			.expectBody()
			.jsonPath("$.priority")
			.isEqualTo("urgent")
			.jsonPath("$.dueDate")
			.isEqualTo("2027-01-15")
			.jsonPath("$.description")
			.isEqualTo("Written in parallel")
			.jsonPath("$.version")
			.isEqualTo(4);
	}

	@Test
	void aDeletedTaskIsGoneUntilRestored() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = id(create(owner, project, Map.of("title", "Oops")));
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/tasks/" + task, null).expectStatus().isNoContent();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task, null).expectStatus().isNotFound();
		this.api.call(owner, HttpMethod.POST, "/api/v1/tasks/" + task + "/restore", null).expectStatus().isOk();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task, null).expectStatus().isOk();
		assertThat(this.jdbc.sql("SELECT type FROM events WHERE task_id = :t ORDER BY id")
			.param("t", UUID.fromString(task))
			.query(String.class)
			.list()).containsExactly("task.created", "task.deleted", "task.restored");
	}

	private RestTestClient.ResponseSpec create(SignedIn user, UUID project, Map<String, Object> body) {
		return this.api.call(user, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", body);
	}

	private RestTestClient.ResponseSpec patch(SignedIn user, String task, String ifMatch, Map<String, Object> body) {
		RestTestClient.RequestBodySpec request = this.client.patch()
			.uri("/api/v1/tasks/" + task)
			.header(HttpHeaders.AUTHORIZATION, user.bearer());
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.contentType(MediaType.valueOf("application/merge-patch+json")).body(body).exchange();
	}

	private static String id(RestTestClient.ResponseSpec created) {
		return (String) created.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private UUID status(UUID project, String name) {
		return this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p AND name = :n")
			.param("p", project)
			.param("n", name)
			.query(UUID.class)
			.single();
	}

}
