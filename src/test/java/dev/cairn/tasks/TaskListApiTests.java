package dev.cairn.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListApiTests extends ApiTestSupport {

	@LocalServerPort
	private int port;

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

	// The query is bound to one record; what it cannot take is a problem naming the
	// parameter, with the rule of its converter or its constraint.
	@Test
	void aParameterThatCannotBeBoundIsAProblemNamingItAndItsRule() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<String, List<Map<String, String>>> cases = new java.util.LinkedHashMap<>();
		cases.put("priority=asap", List.of(error("priority", "must be none, low, medium, high or urgent")));
		cases.put("assignee=somebody", List.of(error("assignee", "must be a user id, me or none")));
		cases.put("assignee=", List.of(error("assignee", "must be a user id, me or none")));
		cases.put("parent=root", List.of(error("parent", "must be a task id or none")));
		cases.put("status=not-a-uuid", List.of(error("status", "has the wrong format")));
		cases.put("label=7", List.of(error("label", "has the wrong format")));
		cases.put("dueBefore=tomorrow", List.of(error("dueBefore", "has the wrong format")));
		cases.put("updatedSince=yesterday", List.of(error("updatedSince", "has the wrong format")));
		cases.put("limit=many", List.of(error("limit", "has the wrong format")));
		cases.put("limit=201", List.of(error("limit", "must be less than or equal to 200")));
		cases.put("q=", List.of(error("q", "size must be between 1 and 200")));
		cases.put("statusCategory=started&statusCategory=done",
				List.of(error("statusCategory", "must be backlog, unstarted, started, completed or canceled")));
		cases.put("priority=asap&assignee=somebody", List.of(error("assignee", "must be a user id, me or none"),
				error("priority", "must be none, low, medium, high or urgent")));
		cases.put("limit=0&q=", List.of(error("limit", "must be greater than or equal to 1"),
				error("q", "size must be between 1 and 200")));
		cases.forEach((query, errors) -> {
			Map<?, ?> problem = this.api
				.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?" + query, null)
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(problem.get("code")).as(query).isEqualTo("validation_failed");
			assertThat(problem.get("detail")).as(query).isEqualTo("The request has invalid parameters.");
			assertThat(problem.get("errors")).as(query).isEqualTo(errors);
		});
	}

	// The values of a list parameter add up; a filter that takes one value, given twice,
	// is refused, never read as its first value (issue 18).
	@Test
	void repeatedFiltersAddUpOrAreRefused() {
		SignedIn owner = this.users.signedIn();
		SignedIn carol = this.users.signedIn();
		UUID project = this.api.project(owner);
		this.api.addMember(project, carol, "member");
		UUID todo = this.api.status(project, "Todo");
		UUID done = this.api.status(project, "Done");
		create(owner, project, Map.of("title", "Open", "priority", "low", "statusId", todo.toString()));
		create(owner, project, Map.of("title", "Shipped", "priority", "urgent", "statusId", done.toString(),
				"assigneeId", carol.userId().toString()));
		create(owner, project, Map.of("title", "Dropped", "statusId", this.api.status(project, "Canceled").toString()));

		assertThat(titles(owner, project, "status=" + todo + "&status=" + done)).containsExactly("Shipped", "Open");
		assertThat(titles(owner, project, "status=" + todo + "," + done)).containsExactly("Shipped", "Open");
		for (String query : List.of("q=open&q=shipped", "priority=low&priority=urgent", "assignee=me&assignee=none",
				"parent=none&parent=none", "label=" + todo + "&label=" + done)) {
			this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?" + query, null)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(query.substring(0, query.indexOf('=')))
				.jsonPath("$.errors[0].message")
				.isEqualTo("must be given once");
		}
		assertThat(titles(carol, project, "assignee=me")).containsExactly("Shipped");
		assertThat(titles(owner, project, "assignee=" + carol.userId())).containsExactly("Shipped");
		assertThat(titles(owner, project, "assignee=none&parent=none&priority=none")).containsExactly("Dropped");
	}

	// 'me' is the caller when the filter is built, so a cursor of the caller's own
	// list is good whichever way the caller named themselves.
	// A misspelt filter would otherwise be ignored and the whole list come back.
	@Test
	void anUnknownParameterIsRefusedByName() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		create(owner, project, Map.of("title", "Mine"));

		this.api.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?assigne=me&limit=5&sortt=x", null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("validation_failed")
			.jsonPath("$.detail")
			.isEqualTo("The request has invalid parameters.")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("assigne", "sortt"))
			.jsonPath("$.errors[0].message")
			.isEqualTo("is not a parameter of this operation");
		this.api.call(owner, HttpMethod.GET, "/api/v1/projects?limt=5", null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limt");
		// A filter read by its prefix is one filter: given twice, refused, not its first.
		String filter = "cf." + UUID.randomUUID();
		this.api
			.call(owner, HttpMethod.GET, "/api/v1/projects/" + project + "/tasks?" + filter + "=a&" + filter + "=b",
					null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(filter)
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be given once");
		// An operation that reads no parameter at all refuses one too (and declares 400).
		this.api.call(owner, HttpMethod.GET, "/api/v1/me?fields=handle", null)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("fields");
		// Parameters read by a prefix, and those of the query record, still pass.
		this.api
			.call(owner, HttpMethod.GET,
					"/api/v1/projects/" + project + "/tasks?cf." + UUID.randomUUID() + "=1&limit=5&sort=-createdAt",
					null)
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.value((field) -> assertThat((String) field).startsWith("cf."))
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).isNotEqualTo("is not a parameter of this operation"));
		assertThat(titles(owner, project, "limit=5&sort=-createdAt")).containsExactly("Mine");
	}

	@Test
	void meIsTheCallerAlsoForCursors() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		for (String title : List.of("One", "Two", "Three")) {
			create(owner, project, Map.of("title", title, "assigneeId", owner.userId().toString()));
		}
		Map<?, ?> first = page(owner, project, "assignee=me&limit=2");
		Map<?, ?> second = page(owner, project,
				"assignee=" + owner.userId() + "&limit=2&cursor=" + first.get("nextCursor"));
		assertThat(Api.values(second, "title")).containsExactly("One");
		this.api.call(owner, HttpMethod.GET,
				"/api/v1/projects/" + project + "/tasks?assignee=none&limit=2&cursor=" + first.get("nextCursor"), null)
			.expectStatus()
			.isBadRequest();
	}

	// The next link is the request again, with the parameters as sent and the cursor
	// replaced. A '+' in the text comes back as itself (%2B): read as a space, it would
	// be another text, another list, and the cursor would be refused.
	@Test
	void theNextLinkRepeatsTheQueryAsSent() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		create(owner, project, Map.of("title", "Import parser"));
		create(owner, project, Map.of("title", "Import lexer"));
		String query = "/api/v1/projects/" + project + "/tasks?q=%2Bimport&limit=1&priority=none";
		HttpResponse<String> first = get(owner, query);
		assertThat(first.statusCode()).isEqualTo(200);
		String link = first.headers().firstValue(HttpHeaders.LINK).orElseThrow();
		assertThat(link).matches(java.util.regex.Pattern.quote("<" + query + "&cursor=") + "[\\w.-]+>; rel=\"next\"");

		HttpResponse<String> second = get(owner, link.substring(1, link.indexOf('>')));
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(second.body()).contains("Import parser").doesNotContain("Import lexer");
		assertThat(second.headers().firstValue(HttpHeaders.LINK)).isEmpty();
	}

	// The JDK's client sends the query as written: Spring's test client would encode the
	// % of %2B again.
	private HttpResponse<String> get(SignedIn user, String pathAndQuery) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
				.header(HttpHeaders.AUTHORIZATION, user.bearer())
				.build(), HttpResponse.BodyHandlers.ofString());
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

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	private void create(SignedIn user, UUID project, Map<String, Object> body) {
		this.api.call(user, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", body).expectStatus().isCreated();
	}

}
