package dev.cairn.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListApiTests extends ApiTestSupport {

	@Test
	void filtersCombineAndPagesFollowTheLinkNewestFirst() {
		SignedIn owner = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, carol, "member");
		create(owner, project, Map.of("title", "Crash when importing CSV", "priority", "urgent", "assigneeId",
				carol.userId().toString()));
		create(owner, project, Map.of("title", "Import Jira issues", "priority", "urgent"));
		create(owner, project, Map.of("title", "Polish the import dialog", "priority", "low", "assigneeId",
				carol.userId().toString()));
		create(owner, project, Map.of("title", "Write release notes"));

		assertThat(titles(carol, project, "q=import")).containsExactly("Polish the import dialog", "Import Jira issues",
				"Crash when importing CSV");
		assertThat(titles(carol, project, "q=import&assignee=me&priority=urgent"))
			.containsExactly("Crash when importing CSV");
		assertThat(titles(carol, project, "assignee=none")).containsExactly("Write release notes",
				"Import Jira issues");

		Map<?, ?> first = page(owner, project, "q=import&limit=2");
		assertThat(Api.values(first, "title")).hasSize(2);
		String link = (String) this.api
			.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?q=import&limit=2", null)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LINK);
		assertThat(link).contains("q=import", "limit=2", "cursor=");
		Map<?, ?> second = page(owner, project, "q=import&limit=2&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(second, "title")).containsExactly("Crash when importing CSV");
		assertThat(second.get("nextCursor")).isNull();
	}

	@Test
	void statusCategoriesFilterByWhatAStatusMeans() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		create(owner, project, Map.of("title", "Open"));
		create(owner, project, Map.of("title", "Shipped", "statusId", this.api.status(project, "Done").toString()));
		create(owner, project, Map.of("title", "Dropped", "statusId", this.api.status(project, "Canceled").toString()));
		assertThat(titles(owner, project, "statusCategory=completed&statusCategory=canceled"))
			.containsExactly("Dropped", "Shipped");
		assertThat(titles(owner, project, "statusCategory=backlog")).containsExactly("Open");
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?statusCategory=done", null)
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void anInjectionLookingQueryIsJustText() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID other = this.api.project(owner);
		create(owner, other, Map.of("title", "In another project"));
		assertThat(titles(owner, project, "q=' OR 1=1 --")).isEmpty();
		assertThat(titles(owner, project, "q=project) OR (true")).isEmpty();
	}

	@Test
	void badFiltersAreRefusedAndStrangersSeeNothing() {
		SignedIn owner = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (String query : List.of("priority=asap", "status=not-a-uuid", "assignee=somebody", "limit=201",
				"dueBefore=tomorrow", "cursor=tampered.cursor")) {
			this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?" + query, null)
				.expectStatus()
				.isBadRequest();
		}
		this.api.call(stranger, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks", null)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aCursorOfAnotherListIsRefusedNotMisread() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (String name : List.of("alpha", "beta")) {
			this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/labels", Map.of("name", name))
				.expectStatus()
				.isCreated();
		}
		Object labelCursor = this.api.page(owner, "/api/v1/projects/" + project + "/labels?limit=1").get("nextCursor");
		assertThat(labelCursor).isNotNull();
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?cursor=" + labelCursor, null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("cursor");
	}

	private List<Object> titles(SignedIn user, UUID project, String query) {
		return Api.values(page(user, project, query), "title");
	}

	private Map<?, ?> page(SignedIn user, UUID project, String query) {
		return this.api.page(user, "/api/v1/projects/" + project + "/tasks?" + query);
	}

	private void create(SignedIn user, UUID project, Map<String, Object> body) {
		this.api.call(user, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", body).expectStatus().isCreated();
	}

}
