package dev.cairn.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCustomFieldApiTests extends ApiTestSupport {

	@Test
	void valuesAreCheckedAgainstTheirFieldMergedOnPatchAndFilterable() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		String points = field(owner, project, Map.of("name", "Points", "type", "number"));
		Map<?, ?> stage = fieldBody(owner, project, Map.of("name", "Stage", "type", "select", "options",
				List.of(Map.of("name", "Alpha"), Map.of("name", "Beta"))));
		String stageId = (String) stage.get("id");
		String alpha = option(stage, 0);
		String reviewer = field(owner, project, Map.of("name", "Reviewer", "type", "user"));

		Map<?, ?> small = this.api.task(member, project, Map.of("title", "Small", "customFields",
				Map.of(points, new java.math.BigDecimal("1.5"), stageId, alpha)));
		assertThat(small.get("customFields"))
			.isEqualTo(Map.of(points, new java.math.BigDecimal("1.5"), stageId, alpha));
		this.api.task(member, project, Map.of("title", "Big", "customFields", Map.of(points, 8)));
		this.api.task(member, project, Map.of("title", "None"));

		this.api
			.call(member, HttpMethod.POST, tasks(project),
					Map.of("title", "Bad", "customFields",
							Map.of(points, "many", reviewer, stranger.userId().toString())))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("customFields." + points,
					"customFields." + reviewer));
		assertThat(count(project)).isEqualTo(3);

		Map<String, Object> patch = new HashMap<>();
		patch.put(points, null);
		patch.put(reviewer, member.userId().toString());
		this.api.call(member, HttpMethod.PATCH, "/api/v1/tasks/" + small.get("id"), Map.of("customFields", patch))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customFields")
			.isEqualTo(Map.of(stageId, alpha, reviewer, member.userId().toString()));

		assertThat(titles(member, project, "cf." + points + ".gte=2")).containsExactly("Big");
		assertThat(titles(member, project, "cf." + stageId + "=" + alpha)).containsExactly("Small");
		assertThat(titles(member, project, "cf." + reviewer + "=" + member.userId())).containsExactly("Small");
		this.api.call(member, HttpMethod.GET, tasks(project) + "?cf." + stageId + ".gte=1", null)
			.expectStatus()
			.isBadRequest();
		this.api.call(member, HttpMethod.GET, tasks(project) + "?cf." + UUID.randomUUID() + "=1", null)
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void deletingAFieldOrAnOptionTakesItsValuesOffTheTasks() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> tags = fieldBody(owner, project, Map.of("name", "Tags", "type", "multiselect", "options",
				List.of(Map.of("name", "red"), Map.of("name", "green"))));
		String tagsId = (String) tags.get("id");
		String size = field(owner, project, Map.of("name", "Size", "type", "text"));
		Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Tagged", "customFields",
				Map.of(tagsId, List.of(option(tags, 0), option(tags, 1)), size, "L")));

		this.api
			.call(owner, HttpMethod.PATCH, "/api/v1/projects/" + project + "/fields/" + tagsId,
					Map.of("options", List.of(Map.of("id", option(tags, 1), "name", "green"))))
			.expectStatus()
			.isOk();
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + project + "/fields/" + size, null)
			.expectStatus()
			.isNoContent();

		this.api.call(owner, HttpMethod.GET, "/api/v1/tasks/" + task.get("id"), null)
			.expectBody()
			.jsonPath("$.customFields")
			.isEqualTo(Map.of(tagsId, List.of(option(tags, 1))));
	}

	private String field(SignedIn owner, UUID project, Map<String, ?> body) {
		return (String) fieldBody(owner, project, body).get("id");
	}

	private Map<?, ?> fieldBody(SignedIn owner, UUID project, Map<String, ?> body) {
		return this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/fields", body)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static String option(Map<?, ?> field, int index) {
		return (String) ((Map<?, ?>) ((List<?>) field.get("options")).get(index)).get("id");
	}

	private List<Object> titles(SignedIn user, UUID project, String query) {
		return Api.values(this.api.page(user, tasks(project) + "?" + query), "title");
	}

	private int count(UUID project) {
		return this.jdbc.sql("SELECT count(*) FROM tasks WHERE project_id = :p")
			.param("p", project)
			.query(Integer.class)
			.single();
	}

	private static String tasks(UUID project) {
		return "/api/v1/projects/" + project + "/tasks";
	}

}
