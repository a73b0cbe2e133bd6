package dev.cairn.projects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Api;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectApiTests extends ApiTestSupport {

	@Test
	void theCreatorOwnsANewProjectWithTheDefaultWorkflow() {
		SignedIn owner = this.users.signedIn();
		String key = Api.uniqueProjectKey();
		Map<?, ?> project = this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects",
					Map.of("key", key, "name", "Apollo", "description", "To the moon"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/projects/[0-9a-f-]{36}")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(project.get("role")).isEqualTo("owner");
		assertThat(project.get("capabilities").toString()).contains("project.delete", "members.manage", "tasks.write");
		UUID id = UUID.fromString((String) project.get("id"));
		assertThat(
				this.jdbc.sql("SELECT name || ':' || category FROM statuses WHERE project_id = :id ORDER BY position")
					.param("id", id)
					.query(String.class)
					.list())
			.containsExactly("Backlog:backlog", "Todo:unstarted", "In Progress:started", "Done:completed",
					"Canceled:canceled");
		assertThat(this.jdbc.sql("SELECT type FROM events WHERE project_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("project.created");
	}

	@Test
	void keysAreUniqueAndWellFormed() {
		SignedIn owner = this.users.signedIn();
		String key = Api.uniqueProjectKey();
		create(owner, key);
		this.api.call(owner, HttpMethod.POST, "/api/v1/projects", Map.of("key", key, "name", "Again"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_key_taken");
		this.api.call(owner, HttpMethod.POST, "/api/v1/projects", Map.of("key", "lower", "name", "x"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("key");
		this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects",
					Map.of("key", Api.uniqueProjectKey(), "name", "x", "ownerId", UUID.randomUUID().toString()))
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void nonMembersCannotTellAProjectExistsAndViewersCannotChangeIt() {
		SignedIn owner = this.users.signedIn();
		SignedIn viewer = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID id = create(owner, Api.uniqueProjectKey());
		this.api.addMember(id, viewer, "viewer");

		this.api.call(stranger, HttpMethod.GET, "/api/v1/projects/" + id, null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("project_not_found");
		this.api.call(stranger, HttpMethod.GET, "/api/v1/projects/" + UUID.randomUUID(), null)
			.expectStatus()
			.isNotFound();
		this.api.call(viewer, HttpMethod.GET, "/api/v1/projects/" + id, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("viewer")
			.jsonPath("$.capabilities")
			.isEqualTo(List.of("project.read"));
		this.api.call(viewer, HttpMethod.PATCH, "/api/v1/projects/" + id, Map.of("name", "Mine now"))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("role_forbids");
		this.api.call(stranger, HttpMethod.PATCH, "/api/v1/projects/" + id, Map.of("name", "Mine now"))
			.expectStatus()
			.isNotFound();
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/not-a-uuid", null).expectStatus().isBadRequest();
	}

	@Test
	void updatesAreGuardedByTheEtag() {
		SignedIn owner = this.users.signedIn();
		UUID id = create(owner, Api.uniqueProjectKey());
		this.client.get()
			.uri("/api/v1/projects/" + id)
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
			.exchange()
			.expectStatus()
			.isNotModified();

		patch(owner, id, "\"1\"", Map.of("name", "Renamed")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"2\"")
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed");
		patch(owner, id, "\"1\"", Map.of("name", "Lost update")).expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("precondition_failed");
		patch(owner, id, null, Map.of("description", "Only this field")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed");
		assertThat(this.jdbc
			.sql("SELECT data->'changes' ->> 0 FROM events WHERE project_id = :id AND type = "
					+ "'project.updated' ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("name", "description");
	}

	@Test
	void onlyTheOwnerTrashesAndRestoresAProject() {
		SignedIn owner = this.users.signedIn();
		SignedIn admin = this.users.signedIn();
		UUID id = create(owner, Api.uniqueProjectKey());
		this.api.addMember(id, admin, "admin");

		this.api.call(admin, HttpMethod.DELETE, "/api/v1/projects/" + id, null).expectStatus().isForbidden();
		this.api.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + id, null).expectStatus().isNoContent();
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + id, null).expectStatus().isNotFound();
		this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + id + "/restore", null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(3);
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + id, null).expectStatus().isOk();
	}

	@Test
	void myProjectsArePagedByCursor() {
		SignedIn owner = this.users.signedIn();
		List<UUID> ids = List.of(create(owner, Api.uniqueProjectKey()), create(owner, Api.uniqueProjectKey()),
				create(owner, Api.uniqueProjectKey()));
		Map<?, ?> first = this.api.call(owner, HttpMethod.GET, "/api/v1/projects?limit=2", null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.LINK, "</api/v1/projects\\?limit=2&cursor=.+>; rel=\"next\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> second = this.api
			.call(owner, HttpMethod.GET, "/api/v1/projects?limit=2&cursor=" + first.get("nextCursor"), null)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(second.get("nextCursor")).isNull();
		assertThat(ids(first)).hasSize(2);
		assertThat(ids(first).stream().map(Object::toString).toList())
			.doesNotContainAnyElementsOf(ids(second).stream().map(Object::toString).toList());
		assertThat(concat(ids(first), ids(second)))
			.containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
	}

	@Test
	void aReadOnlyTokenCannotCreateProjects() {
		SignedIn owner = this.users.signedIn();
		String pat = (String) this.api
			.call(owner, HttpMethod.POST, "/api/v1/me/tokens", Map.of("name", "ro", "scopes", List.of("read")))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
		this.client.post()
			.uri("/api/v1/projects")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + pat)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("key", Api.uniqueProjectKey(), "name", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private UUID create(SignedIn owner, String key) {
		Map<?, ?> project = this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects", Map.of("key", key, "name", "P " + key))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) project.get("id"));
	}

	private RestTestClient.ResponseSpec patch(SignedIn user, UUID id, String ifMatch, Object body) {
		RestTestClient.RequestBodySpec request = this.client.patch()
			.uri("/api/v1/projects/" + id)
			.header(HttpHeaders.AUTHORIZATION, user.bearer());
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.contentType(MediaType.valueOf("application/merge-patch+json")).body(body).exchange();
	}

	private static List<Object> ids(Map<?, ?> page) {
		return ((List<?>) page.get("items")).stream().map((item) -> (Object) ((Map<?, ?>) item).get("id")).toList();
	}

	private static List<Object> concat(List<Object> first, List<Object> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

}
