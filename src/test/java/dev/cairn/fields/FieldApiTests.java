package dev.cairn.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.platform.Ids;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class FieldApiTests extends ApiTestSupport {

	@Test
	void adminsDefineFieldsThatMembersReadInOrder() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, admin, "admin");
		this.api.addMember(project, viewer, "viewer");

		var created = this.api.call(admin, HttpMethod.POST, fields(project),
				Map.of("name", " Estimate ", "type", "number"));
		Map<?, ?> estimate = body(created.expectStatus().isCreated());
		created.expectHeader().valueEquals("Location", fields(project) + "/" + estimate.get("id"));
		assertThat(estimate.get("name")).isEqualTo("Estimate");
		assertThat(estimate.get("type")).isEqualTo("number");
		assertThat(estimate.get("options")).isEqualTo(List.of());
		Map<?, ?> stage = create(owner, project, Map.of("name", "Stage", "type", "select", "options",
				List.of(Map.of("name", "Alpha", "color", "#DC2626"), Map.of("name", "Beta"))));
		create(owner, project, Map.of("name", "Link", "type", "url", "position", 0));

		Map<?, ?> page = this.api.page(viewer, fields(project));
		assertThat(Api.values(page, "name")).containsExactly("Link", "Estimate", "Stage");
		assertThat(Api.values(page, "position")).containsExactly(0, 1, 2);
		assertThat(page.containsKey("nextCursor")).isTrue();
		assertThat(page.get("nextCursor")).isNull();
		List<?> options = (List<?>) stage.get("options");
		assertThat(options).hasSize(2);
		Map<?, ?> alpha = (Map<?, ?>) options.get(0);
		assertThat(alpha.get("name")).isEqualTo("Alpha");
		assertThat(alpha.get("color")).isEqualTo("#dc2626");
		assertThat(UUID.fromString((String) alpha.get("id")).version()).isEqualTo(7);
		assertThat(((Map<?, ?>) options.get(1)).get("color")).isNull();
		assertThat(eventTypes(project)).containsExactly("field.created", "field.created", "field.created");
	}

	@Test
	void onlyOwnersAndAdminsChangeFieldsAndStrangersSeeNoProject() {
		SignedIn owner = this.users.signedIn();
		SignedIn member = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, member, "member");
		this.api.addMember(project, viewer, "viewer");
		Map<?, ?> field = create(owner, project, Map.of("name", "Effort", "type", "number"));
		String path = fields(project) + "/" + field.get("id");
		List<Map<String, Object>> before = stored(project);

		for (SignedIn user : List.of(member, viewer)) {
			Api.problem(this.api.call(user, HttpMethod.POST, fields(project), Map.of("name", "X", "type", "text")), 403,
					"role_forbids");
			Api.problem(this.api.call(user, HttpMethod.PATCH, path, Map.of("name", "X")), 403, "role_forbids");
			Api.problem(this.api.call(user, HttpMethod.DELETE, path, null), 403, "role_forbids");
			this.api.page(user, fields(project));
		}
		Api.problem(this.api.call(stranger, HttpMethod.GET, fields(project), null), 404, "project_not_found");
		Api.problem(this.api.call(stranger, HttpMethod.POST, fields(project), Map.of("name", "X", "type", "text")), 404,
				"project_not_found");
		Api.problem(this.api.call(stranger, HttpMethod.PATCH, path, Map.of("name", "X")), 404, "project_not_found");
		Api.problem(this.api.call(stranger, HttpMethod.DELETE, path, null), 404, "project_not_found");

		assertThat(stored(project)).isEqualTo(before);
		assertThat(eventTypes(project)).containsExactly("field.created");
	}

	@Test
	void namesAreUniqueWhateverTheirCase() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		create(owner, project, Map.of("name", "Sprint", "type", "text"));
		Map<?, ?> other = create(owner, project, Map.of("name", "Team", "type", "text"));
		List<Map<String, Object>> before = stored(project);

		Api.problem(this.api.call(owner, HttpMethod.POST, fields(project), Map.of("name", " sprint ", "type", "date")),
				409, "field_name_taken");
		Api.problem(this.api.call(owner, HttpMethod.PATCH, fields(project) + "/" + other.get("id"),
				Map.of("name", "SPRINT")), 409, "field_name_taken");

		assertThat(stored(project)).isEqualTo(before);
	}

	@Test
	void badDefinitionsAre400AndChangeNothing() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		List<Map<String, Object>> before = stored(project);

		assertThat(invalid(owner, project, Map.of("name", "Size", "type", "float"))).containsExactly("type");
		assertThat(invalid(owner, project, Map.of("name", " ", "type", "text"))).containsExactly("name");
		assertThat(invalid(owner, project, Map.of("name", "x".repeat(51), "type", "text"))).containsExactly("name");
		assertThat(invalid(owner, project, Map.of("name", "Size", "type", "select"))).containsExactly("options");
		assertThat(invalid(owner, project,
				Map.of("name", "Size", "type", "text", "options", List.of(Map.of("name", "S")))))
			.containsExactly("options");
		assertThat(invalid(owner, project,
				Map.of("name", "Size", "type", "multiselect", "options",
						List.of(Map.of("name", "S"), Map.of("name", " s "), Map.of("name", ""),
								Map.of("name", "M", "color", "red")))))
			.containsExactly("options[1].name", "options[2].name", "options[3].color");
		assertThat(unknown(owner, project,
				Map.of("name", "Size", "type", "select", "options",
						List.of(Map.of("id", UUID.randomUUID().toString(), "name", "S")))))
			.containsExactly("options[0].id");
		List<Map<String, String>> tooMany = new ArrayList<>();
		for (int i = 0; i <= FieldOptions.MAX_OPTIONS; i++) {
			tooMany.add(Map.of("name", "option " + i));
		}
		assertThat(invalid(owner, project, Map.of("name", "Size", "type", "select", "options", tooMany)))
			.containsExactly("options");
		assertThat(unknown(owner, project, Map.of("name", "Size", "type", "text", "required", true)))
			.containsExactly("required");

		assertThat(stored(project)).isEqualTo(before);
		assertThat(eventTypes(project)).isEmpty();
	}

	@Test
	void renamingOrRecolouringAnOptionKeepsItsIdAndLeftOutOptionsGo() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> field = create(owner, project, Map.of("name", "Size", "type", "multiselect", "options",
				List.of(Map.of("name", "S"), Map.of("name", "M"), Map.of("name", "L"))));
		List<?> options = (List<?>) field.get("options");
		Object small = ((Map<?, ?>) options.get(0)).get("id");
		Object large = ((Map<?, ?>) options.get(2)).get("id");

		Map<?, ?> after = body(
				this.api
					.call(owner, HttpMethod.PATCH, fields(project) + "/" + field.get("id"),
							Map.of("options",
									List.of(Map.of("id", large, "name", "Large", "color", "#16A34A"),
											Map.of("name", "XL"), Map.of("id", small, "name", "S"))))
					.expectStatus()
					.isOk());

		List<?> changed = (List<?>) after.get("options");
		assertThat(changed.stream().map((option) -> (Object) ((Map<?, ?>) option).get("name")).toList())
			.containsExactly("Large", "XL", "S");
		assertThat(((Map<?, ?>) changed.get(0)).get("id")).isEqualTo(large);
		assertThat(((Map<?, ?>) changed.get(0)).get("color")).isEqualTo("#16a34a");
		assertThat(((Map<?, ?>) changed.get(1)).get("id")).isNotIn(small, large, null);
		assertThat(((Map<?, ?>) changed.get(2)).get("id")).isEqualTo(small);
		assertThat(this.jdbc.sql("SELECT jsonb_array_length(options) FROM custom_fields WHERE id = :id")
			.param("id", UUID.fromString((String) field.get("id")))
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(eventTypes(project)).containsExactly("field.created", "field.updated");
	}

	@Test
	void anOptionGivenWithoutAColourKeepsItsOwnAndNullClearsIt() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> field = create(owner, project, Map.of("name", "Stage", "type", "select", "options",
				List.of(Map.of("name", "Alpha", "color", "#DC2626"), Map.of("name", "Beta", "color", "#16a34a"))));
		List<?> options = (List<?>) field.get("options");
		Object alpha = ((Map<?, ?>) options.get(0)).get("id");
		Object beta = ((Map<?, ?>) options.get(1)).get("id");
		Map<String, Object> betaCleared = new java.util.HashMap<>(Map.of("id", beta, "name", "Beta"));
		betaCleared.put("color", null);

		List<?> changed = (List<?>) body(this.api
			.call(owner, HttpMethod.PATCH, fields(project) + "/" + field.get("id"),
					Map.of("options", List.of(Map.of("id", alpha, "name", "Alpha, renamed"), betaCleared)))
			.expectStatus()
			.isOk()).get("options");

		assertThat(((Map<?, ?>) changed.get(0)).get("name")).isEqualTo("Alpha, renamed");
		assertThat(((Map<?, ?>) changed.get(0)).get("color")).isEqualTo("#dc2626");
		assertThat(((Map<?, ?>) changed.get(1)).get("color")).isNull();
	}

	@Test
	void aPatchIsCheckedWholeAndATypeNeverChanges() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> field = create(owner, project,
				Map.of("name", "Stage", "type", "select", "options", List.of(Map.of("name", "Alpha"))));
		String path = fields(project) + "/" + field.get("id");
		List<Map<String, Object>> before = stored(project);

		Api.problem(this.api.call(owner, HttpMethod.PATCH, path, Map.of("type", "multiselect")), 422,
				"field_type_immutable");
		assertThat(patchErrors(owner, path, Map.of("type", "float"))).containsExactly("type");
		assertThat(patchErrors(owner, path, Map.of("options", List.of()))).containsExactly("options");
		assertThat(patchErrors(owner, path, Map.of("options", "Alpha"))).containsExactly("options");
		assertThat(patchErrors(owner, path,
				Map.of("options", List.of(Map.of("id", "nope", "name", "A", "rank", 1)), "position", -1)))
			.containsExactlyInAnyOrder("options[0].rank", "options[0].id", "position");
		assertThat(patchErrors(owner, path,
				Map.of("options", List.of(Map.of("id", UUID.randomUUID().toString(), "name", "A")))))
			.containsExactly("options[0].id");
		Api.problem(
				this.api.call(owner, HttpMethod.PATCH, fields(project) + "/" + UUID.randomUUID(), Map.of("name", "X")),
				404, "field_not_found");
		assertThat(stored(project)).isEqualTo(before);

		body(this.api.call(owner, HttpMethod.PATCH, path, Map.of("type", "select", "name", "Phase"))
			.expectStatus()
			.isOk());
		assertThat(this.api.page(owner, fields(project)).toString()).contains("Phase");
	}

	@Test
	void reorderingAndDeletingKeepPositionsDense() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		List<Object> ids = new ArrayList<>();
		for (String name : List.of("A", "B", "C", "D")) {
			ids.add(create(owner, project, Map.of("name", name, "type", "checkbox")).get("id"));
		}

		this.api.call(owner, HttpMethod.PATCH, fields(project) + "/" + ids.get(3), Map.of("position", 1))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.position")
			.isEqualTo(1);
		assertThat(Api.values(this.api.page(owner, fields(project)), "name")).containsExactly("A", "D", "B", "C");

		this.api.call(owner, HttpMethod.DELETE, fields(project) + "/" + ids.get(0), null).expectStatus().isNoContent();
		Map<?, ?> page = this.api.page(owner, fields(project));
		assertThat(Api.values(page, "name")).containsExactly("D", "B", "C");
		assertThat(Api.values(page, "position")).containsExactly(0, 1, 2);
		Api.problem(this.api.call(owner, HttpMethod.DELETE, fields(project) + "/" + ids.get(0), null), 404,
				"field_not_found");
		assertThat(eventTypes(project)).endsWith("field.updated", "field.deleted");
	}

	@Test
	void aProjectHasAtMostFiftyFields() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (int i = 0; i < CustomFields.MAX_FIELDS; i++) {
			this.jdbc.sql(
					"INSERT INTO custom_fields (id, project_id, name, type, position) VALUES (:id, :p, :n, 'text', :i)")
				.param("id", Ids.newId())
				.param("p", project)
				.param("n", "field " + i)
				.param("i", i)
				.update();
		}

		Api.problem(this.api.call(owner, HttpMethod.POST, fields(project), Map.of("name", "one more", "type", "text")),
				422, "too_many");

		assertThat(stored(project)).hasSize(CustomFields.MAX_FIELDS);
		assertThat(Api.values(this.api.page(owner, fields(project)), "name")).hasSize(CustomFields.MAX_FIELDS);
	}

	@Test
	void fieldsOfAnotherProjectAreNotFound() {
		SignedIn owner = this.users.signedIn();
		UUID mine = this.api.project(owner);
		UUID other = this.api.project(owner);
		Map<?, ?> field = create(owner, other, Map.of("name", "Elsewhere", "type", "text"));

		Api.problem(
				this.api.call(owner, HttpMethod.PATCH, fields(mine) + "/" + field.get("id"), Map.of("name", "Here")),
				404, "field_not_found");
		Api.problem(this.api.call(owner, HttpMethod.DELETE, fields(mine) + "/" + field.get("id"), null), 404,
				"field_not_found");
		assertThat(Api.values(this.api.page(owner, fields(other)), "name")).containsExactly("Elsewhere");
	}

	private Map<?, ?> create(SignedIn user, UUID project, Map<String, ?> body) {
		return body(this.api.call(user, HttpMethod.POST, fields(project), body).expectStatus().isCreated());
	}

	private List<Object> invalid(SignedIn user, UUID project, Map<String, ?> body) {
		return errorFields(
				Api.problem(this.api.call(user, HttpMethod.POST, fields(project), body), 400, "validation_failed"));
	}

	// Unknown properties are refused while the body is read, before any rule is checked.
	private List<Object> unknown(SignedIn user, UUID project, Map<String, ?> body) {
		return errorFields(
				Api.problem(this.api.call(user, HttpMethod.POST, fields(project), body), 400, "validation_failed"));
	}

	private List<Object> patchErrors(SignedIn user, String path, Map<String, ?> body) {
		return errorFields(Api.problem(this.api.call(user, HttpMethod.PATCH, path, body), 400, "validation_failed"));
	}

	private static List<Object> errorFields(Map<?, ?> problem) {
		return ((List<?>) problem.get("errors")).stream()
			.map((error) -> (Object) ((Map<?, ?>) error).get("field"))
			.toList();
	}

	private static Map<?, ?> body(RestTestClient.ResponseSpec response) {
		return response.expectBody(Map.class).returnResult().getResponseBody();
	}

	private List<Map<String, Object>> stored(UUID project) {
		return this.jdbc.sql("""
				SELECT id, name, type, CAST(options AS text) AS options, position, updated_at FROM custom_fields
				WHERE project_id = :p ORDER BY position
				""").param("p", project).query().listOfRows();
	}

	private List<String> eventTypes(UUID project) {
		return this.jdbc.sql("SELECT type FROM events WHERE project_id = :p AND type LIKE 'field.%' ORDER BY id")
			.param("p", project)
			.query(String.class)
			.list();
	}

	private static String fields(UUID project) {
		return "/api/v1/projects/" + project + "/fields";
	}

}
