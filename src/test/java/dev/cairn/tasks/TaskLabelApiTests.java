package dev.cairn.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLabelApiTests extends ApiTestSupport {

	@Test
	void membersLabelTasksWithTheirProjectsLabelsAndListsShowThem() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		this.api.addMember(project, viewer, "viewer");
		String bug = id(this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/labels",
				Map.of("name", "bug")));
		String task = id(this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks",
				Map.of("title", "Broken")));

		for (int i = 0; i < 2; i++) {
			this.api.call(member, HttpMethod.PUT, "/api/v1/tasks/" + task + "/labels/" + bug, null)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.labels")
				.isEqualTo(List.of(bug));
		}
		this.api.call(viewer, HttpMethod.PUT, "/api/v1/tasks/" + task + "/labels/" + bug, null)
			.expectStatus()
			.isForbidden();
		Map<?, ?> page = this.api.call(viewer, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks", null)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("labels")).isEqualTo(List.of(bug));
		this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", Map.of("title", "Unlabelled"))
			.expectStatus()
			.isCreated();
		Map<?, ?> labelled = this.api
			.call(viewer, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?label=" + bug, null)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) labelled.get("items")).hasSize(1);

		this.api.call(member, HttpMethod.DELETE, "/api/v1/tasks/" + task + "/labels/" + bug, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.labels")
			.isEmpty();
	}

	// The version is the task's ETag: a copy cached before a label came or went must not
	// be answered with 304 Not Modified.
	@Test
	void labellingGivesTheTaskANewVersionAndACachedCopyIsNoLongerCurrent() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String bug = id(this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/labels",
				Map.of("name", "bug")));
		Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Cached"));
		String path = "/api/v1/tasks/" + task.get("id");
		String cached = this.api.call(owner, HttpMethod.GET, path, null)
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getETag();

		Map<?, ?> labelled = body(this.api.call(owner, HttpMethod.PUT, path + "/labels/" + bug, null));
		Map<?, ?> again = body(this.api.call(owner, HttpMethod.PUT, path + "/labels/" + bug, null)
			.expectHeader()
			.valueEquals("ETag", "\"" + labelled.get("version") + "\""));
		this.client.get()
			.uri(path)
			.header("Authorization", owner.bearer())
			.header("If-None-Match", cached)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.labels")
			.isEqualTo(List.of(bug));
		Map<?, ?> unlabelled = body(this.api.call(owner, HttpMethod.DELETE, path + "/labels/" + bug, null));

		this.api.call(owner, HttpMethod.PUT, path + "/labels/" + bug, null).expectStatus().isOk();
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + project + "/labels/" + bug, null)
			.expectStatus()
			.isNoContent();
		Map<?, ?> labelDeleted = body(this.api.call(owner, HttpMethod.GET, path, null));

		assertThat(labelled.get("version")).isEqualTo(((Number) task.get("version")).intValue() + 1);
		assertThat(again.get("version")).as("a label already there changes nothing").isEqualTo(labelled.get("version"));
		assertThat(unlabelled.get("version")).isEqualTo(((Number) labelled.get("version")).intValue() + 1);
		assertThat(labelDeleted.get("labels")).asList().isEmpty();
		assertThat(labelDeleted.get("version")).as("labelled again, then the label deleted")
			.isEqualTo(((Number) unlabelled.get("version")).intValue() + 2);
	}

	@Test
	void aLabelOfAnotherProjectCannotBeUsed() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID other = this.api.project(owner);
		String foreign = id(this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + other + "/labels",
				Map.of("name", "elsewhere")));
		String task = id(this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks",
				Map.of("title", "Here")));
		this.api.call(owner, HttpMethod.PUT, "/api/v1/tasks/" + task + "/labels/" + foreign, null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("label_not_found");
	}

	private static Map<?, ?> body(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec ok) {
		return ok.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static String id(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec created) {
		return (String) created.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
