package dev.cairn.labels;

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

class LabelApiTests extends ApiTestSupport {

	@Test
	void adminsManageLabelsThatMembersPageThroughByName() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		for (String name : List.of("urgent", "Bug", "docs")) {
			this.api.call(owner, HttpMethod.POST, labels(project), Map.of("name", name)).expectStatus().isCreated();
		}
		this.api.call(member, HttpMethod.POST, labels(project), Map.of("name", "mine")).expectStatus().isForbidden();

		Map<?, ?> first = this.api.page(member, labels(project) + "?limit=2");
		Map<?, ?> second = this.api.page(member, labels(project) + "?limit=2&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(first, "name")).containsExactly("Bug", "docs");
		assertThat(Api.values(second, "name")).containsExactly("urgent");
		assertThat(second.get("nextCursor")).isNull();
		assertThat(((Map<?, ?>) ((List<?>) first.get("items")).get(0)).get("color")).isEqualTo("#6b7280");
	}

	@Test
	void labelNamesAreUniqueWhateverTheirCaseAndColoursAreHex() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> bug = this.api
			.call(owner, HttpMethod.POST, labels(project), Map.of("name", "Bug", "color", "#DC2626"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(bug.get("color")).isEqualTo("#dc2626");
		this.api.call(owner, HttpMethod.POST, labels(project), Map.of("name", "bug"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("label_name_taken");
		this.api.call(owner, HttpMethod.POST, labels(project), Map.of("name", "x", "color", "red"))
			.expectStatus()
			.isBadRequest();
		this.api
			.call(owner, HttpMethod.PATCH, labels(project) + "/" + bug.get("id"),
					Map.of("color", "#2563eb", "description", "Something is broken"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Bug")
			.jsonPath("$.color")
			.isEqualTo("#2563eb");
	}

	@Test
	void deletingALabelTakesItOffEveryTask() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> label = this.api.call(owner, HttpMethod.POST, labels(project), Map.of("name", "chore"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		UUID labelId = UUID.fromString((String) label.get("id"));
		UUID status = this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p LIMIT 1")
			.param("p", project)
			.query(UUID.class)
			.single();
		UUID task = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO tasks (id, project_id, number, title, status_id, position)
				VALUES (:id, :project, 1, 'Tidy up', :status, 0)
				""").param("id", task).param("project", project).param("status", status).update();
		this.jdbc.sql("INSERT INTO task_labels (project_id, task_id, label_id) VALUES (:p, :t, :l)")
			.param("p", project)
			.param("t", task)
			.param("l", labelId)
			.update();

		this.api.call(owner, HttpMethod.DELETE, labels(project) + "/" + labelId, null).expectStatus().isNoContent();

		assertThat(this.jdbc.sql("SELECT count(*) FROM task_labels WHERE task_id = :t")
			.param("t", task)
			.query(Long.class)
			.single()).isZero();
		this.api.call(owner, HttpMethod.DELETE, labels(project) + "/" + labelId, null).expectStatus().isNotFound();
	}

	@Test
	void aProjectHasAtMostFiveHundredLabels() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.jdbc
			.sql("INSERT INTO labels (id, project_id, name) SELECT gen_random_uuid(), :p, 'label ' || n"
					+ " FROM generate_series(1, :max) n")
			.param("p", project)
			.param("max", Labels.MAX_LABELS)
			.update();

		assertThat(Api
			.problem(this.api.call(owner, HttpMethod.POST, labels(project), Map.of("name", "One more")), 422,
					"too_many")
			.get("detail")).isEqualTo("A project has at most 500 labels.");
	}

	private static String labels(UUID project) {
		return "/api/v1/projects/" + project + "/labels";
	}

}
