package dev.cairn.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TaskActivityApiTests extends ApiTestSupport {

	@Test
	void aTaskHistoryAndItsProjectsFeedPageNewestFirst() {
		SignedIn owner = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, viewer, "viewer");
		String task = (String) this.api.task(owner, project, Map.of("title", "Draft")).get("id");
		this.api.call(owner, HttpMethod.PATCH, "/api/v1/tasks/" + task, Map.of("title", "Final", "priority", "high"))
			.expectStatus()
			.isOk();
		this.api
			.call(owner, HttpMethod.POST, "/api/v1/tasks/" + task + "/move",
					Map.of("statusId", this.api.status(project, "Done").toString()))
			.expectStatus()
			.isOk();

		Map<?, ?> first = this.api.page(viewer, "/api/v1/tasks/" + task + "/activity?limit=2");
		assertThat(Api.values(first, "type")).containsExactly("task.moved", "task.updated");
		Map<?, ?> updated = (Map<?, ?>) ((List<?>) first.get("items")).get(1);
		assertThat(updated.get("actorId")).isEqualTo(owner.userId().toString());
		assertThat(((Map<?, ?>) updated.get("data")).get("changes")).isEqualTo(List.of("title", "priority"));
		assertThat(((Map<?, ?>) ((Map<?, ?>) updated.get("data")).get("before")).get("title")).isEqualTo("Draft");
		Map<?, ?> second = this.api.page(viewer,
				"/api/v1/tasks/" + task + "/activity?limit=2&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(second, "type")).containsExactly("task.created");
		assertThat(second.get("nextCursor")).isNull();

		assertThat(Api.values(this.api.page(viewer, "/api/v1/projects/" + project + "/activity"), "type"))
			.containsExactly("task.moved", "task.updated", "task.created", "project.created");
		this.api
			.call(viewer, HttpMethod.GET,
					"/api/v1/projects/" + project + "/activity?limit=2&cursor=" + first.get("nextCursor"), null)
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void strangersAndTrashedTasksHaveNoHistory() {
		SignedIn owner = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		String task = (String) this.api.task(owner, project, Map.of("title", "Secret")).get("id");
		this.api.call(stranger, HttpMethod.GET, "/api/v1/tasks/" + task + "/activity", null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("task_not_found");
		this.api.call(stranger, HttpMethod.GET, "/api/v1/projects/" + project + "/activity", null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_not_found");
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/tasks/" + task, null).expectStatus().isNoContent();
		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task + "/activity", null).expectStatus().isNotFound();
	}

}
