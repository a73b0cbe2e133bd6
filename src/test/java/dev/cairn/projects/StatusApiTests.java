package dev.cairn.projects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.platform.Ids;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class StatusApiTests extends ApiTestSupport {

	@Test
	void adminsShapeTheWorkflowAndMembersReadIt() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");

		Map<?, ?> review = this.api
			.call(owner, HttpMethod.POST, statuses(project),
					Map.of("name", "In Review", "category", "started", "position", 3))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(names(member, project)).containsExactly("Backlog", "Todo", "In Progress", "In Review", "Done",
				"Canceled");

		this.api
			.call(owner, HttpMethod.PATCH, statuses(project) + "/" + review.get("id"),
					Map.of("name", "Review", "position", 0))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.position")
			.isEqualTo(0);
		assertThat(names(member, project)).containsExactly("Review", "Backlog", "Todo", "In Progress", "Done",
				"Canceled");

		this.api.call(member, HttpMethod.POST, statuses(project), Map.of("name", "Mine", "category", "started"))
			.expectStatus()
			.isForbidden();
		this.api.call(stranger, HttpMethod.GET, statuses(project), null).expectStatus().isNotFound();
	}

	@Test
	void badStatusesAreRefused() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.call(owner, HttpMethod.POST, statuses(project), Map.of("name", "todo", "category", "unstarted"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("status_name_taken");
		this.api.call(owner, HttpMethod.POST, statuses(project), Map.of("name", "Blocked", "category", "stuck"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("category");
		UUID todo = statusId(owner, project, "Todo");
		this.api.call(owner, HttpMethod.PATCH, statuses(project) + "/" + todo, Map.of("position", -1, "color", "red"))
			.expectStatus()
			.isBadRequest();
		this.api.call(owner, HttpMethod.PATCH, statuses(project) + "/" + UUID.randomUUID(), Map.of("name", "X"))
			.expectStatus()
			.isNotFound();
	}

	@Test
	void tasksOfADeletedStatusJoinTheBottomOfTheirNewColumnInOrderAndCompleteThere() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID todo = statusId(owner, project, "Todo");
		UUID done = statusId(owner, project, "Done");
		this.api.task(owner, project, Map.of("title", "Finished", "statusId", done.toString()));
		this.api.task(owner, project, Map.of("title", "First", "statusId", todo.toString()));
		this.api.task(owner, project, Map.of("title", "Second", "statusId", todo.toString()));

		this.api.call(owner, HttpMethod.DELETE, statuses(project) + "/" + todo + "?moveTo=" + done, null)
			.expectStatus()
			.isNoContent();

		assertThat(this.jdbc
			.sql("SELECT title FROM tasks WHERE project_id = :p AND status_id = :s AND completed_at IS NOT NULL"
					+ " ORDER BY position")
			.param("p", project)
			.param("s", done)
			.query(String.class)
			.list()).containsExactly("Finished", "First", "Second");
	}

	@Test
	void aStatusWithTasksIsDeletedOnlyByMovingThemAndTheLastOneStays() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID todo = statusId(owner, project, "Todo");
		UUID backlog = statusId(owner, project, "Backlog");
		UUID task = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO tasks (id, project_id, number, title, status_id, position)
				VALUES (:id, :project, 1, 'A task', :status, 0)
				""").param("id", task).param("project", project).param("status", todo).update();

		this.api.call(owner, HttpMethod.DELETE, statuses(project) + "/" + todo, null)
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("status_in_use");
		this.api.call(owner, HttpMethod.DELETE, statuses(project) + "/" + todo + "?moveTo=" + backlog, null)
			.expectStatus()
			.isNoContent();
		assertThat(this.jdbc.sql("SELECT status_id FROM tasks WHERE id = :id")
			.param("id", task)
			.query(UUID.class)
			.single()).isEqualTo(backlog);
		assertThat(this.jdbc.sql("SELECT position FROM statuses WHERE project_id = :p ORDER BY position")
			.param("p", project)
			.query(Integer.class)
			.list()).containsExactly(0, 1, 2, 3);

		for (String name : List.of("In Progress", "Done", "Canceled")) {
			this.api.call(owner, HttpMethod.DELETE, statuses(project) + "/" + statusId(owner, project, name), null)
				.expectStatus()
				.isNoContent();
		}
		this.api.call(owner, HttpMethod.DELETE, statuses(project) + "/" + backlog + "?moveTo=" + backlog, null)
			.expectStatus()
			.isEqualTo(422);
	}

	private List<Object> names(SignedIn user, UUID project) {
		Map<?, ?> page = this.api.call(user, HttpMethod.GET, statuses(project), null)
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("items")).stream().map((item) -> (Object) ((Map<?, ?>) item).get("name")).toList();
	}

	private UUID statusId(SignedIn user, UUID project, String name) {
		return this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p AND name = :n")
			.param("p", project)
			.param("n", name)
			.query(UUID.class)
			.single();
	}

	@Test
	void aProjectHasAtMostFiftyStatuses() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		int existing = this.jdbc.sql("SELECT count(*) FROM statuses WHERE project_id = :p")
			.param("p", project)
			.query(Integer.class)
			.single();
		for (int i = existing; i < Statuses.MAX_STATUSES; i++) {
			this.jdbc
				.sql("INSERT INTO statuses (id, project_id, name, category, position)"
						+ " VALUES (:id, :p, :n, 'started', :i)")
				.param("id", Ids.newId())
				.param("p", project)
				.param("n", "status " + i)
				.param("i", i)
				.update();
		}

		assertThat(Api
			.problem(this.api.call(owner, HttpMethod.POST, statuses(project),
					Map.of("name", "One more", "category", "started")), 422, "too_many")
			.get("detail")).isEqualTo("A project has at most 50 statuses.");
	}

	private static String statuses(UUID project) {
		return "/api/v1/projects/" + project + "/statuses";
	}

}
