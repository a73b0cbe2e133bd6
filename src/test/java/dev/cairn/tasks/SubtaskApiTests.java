package dev.cairn.tasks;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class SubtaskApiTests extends ApiTestSupport {

	@Test
	void subtasksAreListedUnderTheirParentAndTopLevelTasksApart() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String epic = task(owner, project, "Epic", null);
		task(owner, project, "Design", epic);
		String build = task(owner, project, "Build", epic);
		task(owner, project, "Unrelated", null);

		String tasks = "/api/v1/projects/" + project + "/tasks";
		assertThat(Api.values(this.api.page(owner, tasks + "?parent=" + epic), "title")).containsExactly("Build",
				"Design");
		assertThat(Api.values(this.api.page(owner, tasks + "?parent=none"), "title")).containsExactly("Unrelated",
				"Epic");
		this.api.call(owner, HttpMethod.GET, tasks + "?parent=epic", null).expectStatus().isBadRequest();

		Map<String, Object> clear = new HashMap<>();
		clear.put("parentId", null);
		this.api.call(owner, HttpMethod.PATCH, "/api/v1/tasks/" + build, clear)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.parentId")
			.doesNotExist();
		assertThat(Api.values(this.api.page(owner, tasks + "?parent=" + epic), "title")).containsExactly("Design");
	}

	@Test
	void aTaskIsNeverBelowItselfNorNestedTooDeep() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String level1 = task(owner, project, "1", null);
		String level2 = task(owner, project, "2", level1);
		String level3 = task(owner, project, "3", level2);
		String level4 = task(owner, project, "4", level3);
		String level5 = task(owner, project, "5", level4);

		reparent(owner, level1, level1).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("parent_cycle");
		reparent(owner, level1, level4).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("parent_cycle");
		this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks",
					Map.of("title", "6", "parentId", level5))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("subtasks_too_deep");
		// A subtree of two levels cannot go under level 4.
		String other = task(owner, project, "other", null);
		task(owner, project, "other child", other);
		reparent(owner, other, level4).expectStatus().isEqualTo(422);
		reparent(owner, other, level3).expectStatus().isOk();

		String elsewhere = (String) this.api.task(owner, this.api.project(owner), Map.of("title", "x")).get("id");
		reparent(owner, level2, elsewhere).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_reference");
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/tasks/" + other, null).expectStatus().isNoContent();
		reparent(owner, level5, other).expectStatus().isEqualTo(422);
		assertThat(this.jdbc.sql("SELECT parent_id::text FROM tasks WHERE id = :id")
			.param("id", UUID.fromString(level2))
			.query(String.class)
			.single()).isEqualTo(level1);
	}

	private String task(SignedIn owner, UUID project, String title, String parent) {
		Map<String, Object> fields = new HashMap<>(Map.of("title", title));
		if (parent != null) {
			fields.put("parentId", parent);
		}
		Map<?, ?> task = this.api.task(owner, project, fields);
		assertThat(task.get("parentId")).isEqualTo(parent);
		return (String) task.get("id");
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec reparent(SignedIn user, String task,
			String parent) {
		return this.api.call(user, HttpMethod.PATCH, "/api/v1/tasks/" + task, Map.of("parentId", parent));
	}

}
