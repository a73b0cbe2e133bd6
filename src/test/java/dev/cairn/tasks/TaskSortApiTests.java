package dev.cairn.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSortApiTests extends ApiTestSupport {

	@Test
	void everySortPagesThroughEveryTaskOnceInItsOrder() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		task(owner, project, "a", "low", "2027-03-01");
		task(owner, project, "b", "urgent", null);
		task(owner, project, "c", "urgent", "2027-01-01");
		task(owner, project, "d", "none", "2027-03-01");
		task(owner, project, "e", "medium", null);

		assertThat(all(owner, project, "priority")).containsExactly("d", "a", "e", "b", "c");
		assertThat(all(owner, project, "-priority")).containsExactly("c", "b", "e", "a", "d");
		assertThat(all(owner, project, "dueDate")).containsExactly("c", "a", "d", "b", "e");
		assertThat(all(owner, project, "-dueDate")).containsExactly("e", "b", "d", "a", "c");
		assertThat(all(owner, project, "number")).containsExactly("a", "b", "c", "d", "e");
		assertThat(all(owner, project, "-createdAt")).containsExactly("e", "d", "c", "b", "a");
		assertThat(all(owner, project, "createdAt")).containsExactly("a", "b", "c", "d", "e");
		this.api.call(owner, HttpMethod.PATCH, "/api/v1/tasks/" + id(owner, project, "b"), Map.of("title", "b"))
			.expectStatus()
			.isOk();
		this.api.call(owner, HttpMethod.PATCH, "/api/v1/tasks/" + id(owner, project, "c"), Map.of("priority", "high"))
			.expectStatus()
			.isOk();
		assertThat(all(owner, project, "-updatedAt")).startsWith("c")
			.containsExactlyInAnyOrder("a", "b", "c", "d", "e");
	}

	@Test
	void aSortOutsideTheAllowListOrACursorOfAnotherOrderIsRefused() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		task(owner, project, "a", "low", null);
		task(owner, project, "b", "low", null);
		String tasks = "/api/v1/projects/" + project + "/tasks";
		for (String sort : List.of("title", "priority,-number", "--priority", "t.id;DROP TABLE tasks", "position")) {
			this.api.call(owner, HttpMethod.GET, tasks + "?sort={sort}".replace("{sort}", encode(sort)), null)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("sort");
		}
		String cursor = (String) this.api.page(owner, tasks + "?sort=priority&limit=1").get("nextCursor");
		this.api.call(owner, HttpMethod.GET, tasks + "?sort=-priority&limit=1&cursor=" + cursor, null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("cursor");
	}

	private List<Object> all(SignedIn user, UUID project, String sort) {
		List<Object> titles = new ArrayList<>();
		String cursor = null;
		do {
			Map<?, ?> page = this.api.page(user, "/api/v1/projects/" + project + "/tasks?limit=2&sort=" + sort
					+ ((cursor != null) ? "&cursor=" + cursor : ""));
			titles.addAll(Api.values(page, "title"));
			cursor = (String) page.get("nextCursor");
		}
		while (cursor != null);
		return titles;
	}

	private void task(SignedIn owner, UUID project, String title, String priority, String dueDate) {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("title", title, "priority", priority));
		if (dueDate != null) {
			fields.put("dueDate", dueDate);
		}
		this.api.task(owner, project, fields);
	}

	private String id(SignedIn owner, UUID project, String title) {
		return this.jdbc.sql("SELECT id::text FROM tasks WHERE project_id = :p AND title = :t")
			.param("p", project)
			.param("t", title)
			.query(String.class)
			.single();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
