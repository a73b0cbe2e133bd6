package dev.cairn.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of bad input against the main write and list routes: each is refused as
 * problem+json with a stable code, names the field when there is one, tells nothing about
 * the server's insides, and leaves the database exactly as it was.
 */
class BadInputApiTests extends ApiTestSupport {

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private static final List<String> LEAKS = List.of("Exception", "java.", "SQL", "org.", "tools.jackson", "dev.cairn",
			"jakarta.", "\tat ");

	private static final String MALFORMED = "malformed_request";

	private static final String INVALID = "validation_failed";

	private static final String REFERENCE = "invalid_reference";

	private final JsonMapper json = new JsonMapper();

	@LocalServerPort
	private int port;

	@TestFactory
	Stream<DynamicTest> badBodiesAreProblemsAndChangeNothing() {
		Fixture f = fixture();
		List<Case> cases = new ArrayList<>();
		for (Route route : f.writeRoutes()) {
			cases.addAll(malformed(route));
		}
		cases.addAll(projectCases(f.route("create project")));
		cases.addAll(taskCases(f, f.route("create task")));
		cases.addAll(patchCases(f, f.route("patch task")));
		cases.addAll(moveCases(f, f.route("move task")));
		cases.addAll(labelCases(f.route("create label")));
		cases.addAll(commentCases(f.route("create comment")));
		cases.addAll(fieldCases(f.route("create field")));
		cases.addAll(webhookCases(f.route("create webhook")));
		cases.addAll(preferenceCases(f.route("patch notification preferences")));
		// Last, since it changes the data: each bad body was refused for what was
		// done to it.
		DynamicTest control = DynamicTest.dynamicTest("the bodies they are made from are accepted", () -> {
			for (Route route : f.writeRoutes()) {
				send(f.owner, route.method(), route.path(), route.type(), route.valid()).expectStatus()
					.is2xxSuccessful();
			}
		});
		return Stream.concat(
				cases.stream().map((c) -> DynamicTest.dynamicTest(c.toString(), () -> expectRefused(f, c))),
				Stream.of(control));
	}

	@TestFactory
	Stream<DynamicTest> badListParametersAreProblems() {
		Fixture f = fixture();
		Route list = new Route("list tasks", HttpMethod.GET, "/api/v1/projects/" + f.project + "/tasks", null, null);
		String tasksCursor = nextCursor(f.owner, list.path() + "?limit=1");
		String priorityCursor = nextCursor(f.owner, list.path() + "?limit=1&sort=priority");
		String labelsCursor = nextCursor(f.owner, "/api/v1/projects/" + f.project + "/labels?limit=1");
		String[] parts = tasksCursor.split("\\.");
		String forged = base64(f.otherTask + "\u001f" + f.otherTask) + "." + parts[1];
		List<Case> cases = new ArrayList<>();
		for (String[] query : new String[][] { { "limit=0", "limit" }, { "limit=201", "limit" },
				{ "limit=-1", "limit" }, { "limit=ten", "limit" }, { "limit=99999999999", "limit" },
				{ "cursor=tampered.cursor", "cursor" }, { "cursor=" + forged, "cursor" },
				{ "cursor=" + parts[0], "cursor" }, { "cursor=" + labelsCursor, "cursor" },
				{ "sort=-priority&cursor=" + priorityCursor, "cursor" }, { "cursor=" + "a".repeat(1025), "cursor" },
				{ "sort=title", "sort" }, { "sort=-", "sort" }, { "sort=createdAt,-number", "sort" },
				{ "sort=id;DROP TABLE tasks", "sort" }, { "sort=position", "sort" }, { "status=not-a-uuid", "status" },
				{ "status=1' OR '1'='1", "status" }, { "dueBefore=tomorrow", "dueBefore" },
				{ "dueAfter=2026-02-30", "dueAfter" }, { "updatedSince=yesterday", "updatedSince" },
				{ "label=5", "label" }, { "priority=critical", "priority" }, { "assignee=somebody", "assignee" },
				{ "parent=not-a-task", "parent" }, { "q=" + "x".repeat(201), "q" } }) {
			cases.add(new Case(list.withQuery(query[0]), "?" + query[0], null, 400, INVALID, query[1]));
		}
		return cases.stream().map((c) -> DynamicTest.dynamicTest(c.toString(), () -> expectRefused(f, c)));
	}

	@TestFactory
	Stream<DynamicTest> anIdInAPathThatIsNoUuidIsABadRequestNotANotFound() {
		Fixture f = fixture();
		List<Case> cases = new ArrayList<>();
		// An encoded percent sign is refused by Spring Security's firewall before any
		// route, as a problem too.
		for (String[] bad : new String[][] { { "not-a-uuid", INVALID }, { "123", INVALID },
				{ "0".repeat(100), INVALID }, { "' OR '1'='1", INVALID }, { "%27%20OR%201=1", MALFORMED } }) {
			String id = bad[0];
			String code = bad[1];
			List<Route> routes = new ArrayList<>(f.writeRoutes());
			routes.add(new Route("get task", HttpMethod.GET, "/api/v1/tasks/" + f.task, null, null));
			routes.add(new Route("delete task", HttpMethod.DELETE, "/api/v1/tasks/" + f.task, null, null));
			routes.add(new Route("list tasks", HttpMethod.GET, "/api/v1/projects/" + f.project + "/tasks", null, null));
			for (Route route : routes) {
				boolean inProject = route.path().contains(f.project.toString());
				if (inProject || route.path().contains(f.task.toString())) {
					String path = route.path().replace(f.project.toString(), id).replace(f.task.toString(), id);
					String parameter = MALFORMED.equals(code) ? null : inProject ? "projectId" : "taskId";
					cases.add(new Case(new Route(route.name(), route.method(), path, route.type(), route.valid()), id,
							route.valid(), 400, code, parameter));
				}
			}
		}
		return cases.stream().map((c) -> DynamicTest.dynamicTest(c.toString(), () -> expectRefused(f, c)));
	}

	@TestFactory
	Stream<DynamicTest> badNotificationRequestsAreProblems() {
		Fixture f = fixture();
		String feed = "/api/v1/me/notifications/feed";
		String labelsCursor = nextCursor(f.owner, "/api/v1/projects/" + f.project + "/labels?limit=1");
		List<Case> cases = new ArrayList<>();
		for (String[] query : new String[][] { { "limit=0", "limit" }, { "limit=201", "limit" },
				{ "limit=ten", "limit" }, { "unread=maybe", "unread" }, { "cursor=tampered.cursor", "cursor" },
				{ "cursor=" + labelsCursor, "cursor" }, { "cursor=" + "a".repeat(1025), "cursor" } }) {
			Route list = new Route("notification feed", HttpMethod.GET, feed + "?" + query[0], null, null);
			cases.add(new Case(list, "?" + query[0], null, 400, INVALID, query[1]));
		}
		for (String id : new String[] { "not-a-uuid", "123", "' OR '1'='1" }) {
			Route read = new Route("read notification", HttpMethod.POST, feed + "/" + id + "/read", null, null);
			cases.add(new Case(read, id, null, 400, INVALID, "notificationId"));
		}
		for (String token : new String[] { "", "forged.token", "x".repeat(300) }) {
			Route unsubscribe = new Route("unsubscribe", HttpMethod.POST,
					"/api/v1/notifications/unsubscribe?token=" + token, null, null);
			cases.add(new Case(unsubscribe, "token '" + token + "'", null, 400, "invalid_unsubscribe_token", null));
		}
		cases.add(new Case(
				new Route("unsubscribe", HttpMethod.POST, "/api/v1/notifications/unsubscribe?token=%00", null, null),
				"a NUL token", null, 400, INVALID, "token"));
		Route noToken = new Route("unsubscribe", HttpMethod.POST, "/api/v1/notifications/unsubscribe", null, null);
		cases.add(new Case(noToken, "no token", null, 400, "invalid_unsubscribe_token", null));
		return cases.stream().map((c) -> DynamicTest.dynamicTest(c.toString(), () -> expectRefused(f, c)));
	}

	@Test
	void anInjectionLookingQueryIsPlainTextWithinTheCallersProject() {
		SignedIn owner = this.users.signedIn();
		SignedIn other = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID theirs = this.api.project(other);
		String mine = (String) this.api.task(owner, project, Map.of("title", "project true or 1=1")).get("id");
		this.api.task(owner, project, Map.of("title", "Unrelated"));
		String hidden = (String) this.api.task(other, theirs, Map.of("title", "project true or 1=1")).get("id");
		for (String q : List.of("' OR 1=1 --", "project) OR (true", "true') OR project_id IS NOT NULL OR ('")) {
			Map<?, ?> page = this.api.page(owner, "/api/v1/projects/" + project + "/tasks?q=" + q);
			assertThat(Api.values(page, "projectId")).as(q).containsOnly(project.toString());
			assertThat(Api.values(page, "id")).as(q).doesNotContain(hidden);
		}
		assertThat(Api.values(this.api.page(owner, "/api/v1/projects/" + project + "/tasks?q=project) OR (true"), "id"))
			.containsExactly(mine);
	}

	// Which of two values is checked and which is kept would be up to each reader: a
	// member given twice is refused, naming it, wherever it is.
	@Test
	void aMemberGivenTwiceIsRefusedNamingIt() {
		Fixture f = fixture();
		String tasks = "/api/v1/projects/" + f.project + "/tasks";
		send(f.owner, HttpMethod.POST, tasks, MediaType.APPLICATION_JSON, json("{'title':'First','title':'Last'}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(MALFORMED)
			.jsonPath("$.errors[0].field")
			.isEqualTo("title");
		send(f.owner, HttpMethod.POST, tasks, MediaType.APPLICATION_JSON,
				json("{'title':'x','customFields':{'" + f.field + "':1,'" + f.field + "':2}}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("customFields." + f.field);
		send(f.owner, HttpMethod.PATCH, "/api/v1/tasks/" + f.task, MERGE_PATCH,
				json("{'priority':'critical','priority':'low'}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("priority");
		assertThat(this.api.page(f.owner, tasks).get("items"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(2);
	}

	@TestFactory
	Stream<DynamicTest> unstorableTextAnywhereIsRefusedNamingWhere() {
		Fixture f = fixture();
		String nul = "\\u0000";
		List<Case> cases = new ArrayList<>();
		Route task = f.route("create task");
		cases.add(task.bad("NUL in the title", json("{'title':'a" + nul + "'}"), INVALID, "title"));
		cases.add(task.bad("NUL in a custom field",
				json("{'title':'x','customFields':{'" + f.field + "':'a" + nul + "'}}"), INVALID,
				"customFields." + f.field));
		cases.add(task.bad("unpaired surrogate", json("{'title':'a\\ud83d'}"), INVALID, "title"));
		cases.add(task.bad("NUL in a member name", json("{'title':'x','customFields':{'a" + nul + "':1}}"), INVALID,
				"customFields.(name)"));
		cases.add(f.route("patch task")
			.bad("NUL in a patch", json("{'description':'" + nul + "'}"), INVALID, "description"));
		cases
			.add(f.route("create comment").bad("NUL in a comment", json("{'body':'hi " + nul + "'}"), INVALID, "body"));
		cases.add(f.route("create label").bad("NUL in a label", json("{'name':'" + nul + "'}"), INVALID, "name"));
		cases.add(f.route("create project")
			.bad("NUL in a project", json("{'key':'ZZNEW','name':'N" + nul + "'}"), INVALID, "name"));
		cases.add(f.route("create field")
			.bad("NUL in an option", json("{'name':'Cost','type':'select','options':['ok','a" + nul + "']}"), INVALID,
					"options[1]"));
		// No double holds these: they are compared as decimals and refused as too large.
		cases.add(task.bad("custom number 1e309", json("{'title':'x','customFields':{'" + f.field + "':1e309}}"),
				INVALID, "customFields." + f.field));
		cases.add(task.bad("custom number -1e309", json("{'title':'x','customFields':{'" + f.field + "':-1e309}}"),
				INVALID, "customFields." + f.field));
		cases.add(f.route("patch task")
			.bad("custom number 1e309 in a patch", json("{'customFields':{'" + f.field + "':1e309}}"), INVALID,
					"customFields." + f.field));
		String list = "/api/v1/projects/" + f.project + "/tasks";
		for (String query : List.of("q=a%00", "cf." + f.field + "=%00", "status=%00", "assignee=me%00", "x%00=1")) {
			cases.add(new Case(new Route("list tasks", HttpMethod.GET, list + "?" + query, null, null), query, null,
					400, INVALID, query.startsWith("x") ? "(parameter name)" : query.substring(0, query.indexOf('='))));
		}
		cases.add(new Case(new Route("search users", HttpMethod.GET, "/api/v1/users?q=%00", null, null), "users q",
				null, 400, INVALID, "q"));
		return cases.stream().map((c) -> DynamicTest.dynamicTest(c.toString(), () -> expectRefused(f, c)));
	}

	// A cursor is a position in one list: the same list of another project is another
	// list, though both are "tasks".
	@Test
	void aCursorOfAnotherProjectsListIsRefused() {
		Fixture f = fixture();
		this.api.task(f.owner, f.otherProject, Map.of("title", "Second away"));
		String theirs = nextCursor(f.owner, "/api/v1/projects/" + f.otherProject + "/tasks?limit=1");
		String filtered = nextCursor(f.owner,
				"/api/v1/projects/" + f.project + "/tasks?limit=1&updatedSince=2020-01-01T00:00:00Z");
		for (String cursor : List.of(theirs, filtered)) {
			send(f.owner, HttpMethod.GET, "/api/v1/projects/" + f.project + "/tasks?limit=1&cursor=" + cursor, null,
					null)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("cursor");
		}
		// Still good where it came from.
		send(f.owner, HttpMethod.GET, "/api/v1/projects/" + f.otherProject + "/tasks?limit=1&cursor=" + theirs, null,
				null)
			.expectStatus()
			.isOk();
	}

	private List<Case> malformed(Route route) {
		String valid = route.valid();
		List<Case> cases = new ArrayList<>();
		boolean patch = route.method() == HttpMethod.PATCH;
		// A patch body is read as any JSON value, then refused unless it is an object.
		String notObject = patch ? INVALID : MALFORMED;
		String notObjectField = patch ? "" : null;
		cases.add(route.bad("truncated", valid.substring(0, valid.length() - 1), MALFORMED, null));
		cases.add(route.bad("cut after a name", "{\"title\":", MALFORMED, null));
		cases.add(route.bad("trailing garbage", valid + " garbage", MALFORMED, null));
		cases.add(route.bad("two documents", valid + valid, MALFORMED, null));
		cases.add(route.bad("single quotes", valid.replace('"', '\''), MALFORMED, null));
		cases.add(route.bad("comment", "/* hi */" + valid, MALFORMED, null));
		cases.add(route.bad("an array", "[]", notObject, notObjectField));
		cases.add(route.bad("a string", "\"x\"", notObject, notObjectField));
		cases.add(route.bad("a number", "42", notObject, notObjectField));
		cases.add(route.bad("an array of the body", "[" + valid + "]", notObject, notObjectField));
		cases.add(route.bad("null", "null", patch ? INVALID : MALFORMED, notObjectField));
		cases.add(route.bad("empty", null, MALFORMED, null));
		cases.add(route.bad("whitespace", "  \n", MALFORMED, null));
		cases.add(route.bad("unknown ownerId", withField(valid, "'ownerId':'" + UUID.randomUUID() + "'"),
				patch ? INVALID : INVALID, "ownerId"));
		cases.add(route.bad("unknown role", withField(valid, "'role':'owner'"), patch ? INVALID : INVALID, "role"));
		return cases;
	}

	private List<Case> projectCases(Route r) {
		return List.of(r.bad("typo", withField(r.valid(), "'nmae':'x'"), INVALID, "nmae"),
				r.bad("unknown id", withField(r.valid(), "'id':'" + UUID.randomUUID() + "'"), INVALID, "id"),
				r.bad("number for name", json("{'key':'ZZNEW','name':5}"), INVALID, "name"),
				r.bad("array for key", json("{'key':[],'name':'N'}"), INVALID, "key"),
				r.bad("object for description", json("{'key':'ZZNEW','name':'N','description':{}}"), INVALID,
						"description"),
				r.bad("name 201", json("{'key':'ZZNEW','name':'" + "n".repeat(201) + "'}"), INVALID, "name"),
				r.bad("description 10001",
						json("{'key':'ZZNEW','name':'N','description':'" + "d".repeat(10_001) + "'}"), INVALID,
						"description"),
				r.bad("key lower case", json("{'key':'zznew','name':'N'}"), INVALID, "key"),
				r.bad("key 11", json("{'key':'ZZZZZZZZZZZ','name':'N'}"), INVALID, "key"),
				r.bad("null key", json("{'key':null,'name':'N'}"), INVALID, "key"),
				r.bad("null name", json("{'key':'ZZNEW','name':null}"), INVALID, "name"),
				r.bad("blank name", json("{'key':'ZZNEW','name':'  '}"), INVALID, "name"));
	}

	private List<Case> taskCases(Fixture f, Route r) {
		return List.of(r.bad("typo tittle", json("{'tittle':'x'}"), INVALID, "tittle"),
				r.bad("unknown number", withField(r.valid(), "'number':7"), INVALID, "number"),
				r.bad("unknown reporterId", withField(r.valid(), "'reporterId':'" + f.stranger.userId() + "'"), INVALID,
						"reporterId"),
				r.bad("unknown projectId", withField(r.valid(), "'projectId':'" + f.otherProject + "'"), INVALID,
						"projectId"),
				r.bad("number for title", json("{'title':5}"), INVALID, "title"),
				r.bad("boolean for title", json("{'title':true}"), INVALID, "title"),
				r.bad("array for title", json("{'title':['x']}"), INVALID, "title"),
				r.bad("string for estimate", json("{'title':'x','estimate':'five'}"), INVALID, "estimate"),
				r.bad("numeric string for estimate", json("{'title':'x','estimate':'5'}"), INVALID, "estimate"),
				r.bad("object for statusId", json("{'title':'x','statusId':{}}"), INVALID, "statusId"),
				r.bad("number for statusId", json("{'title':'x','statusId':5}"), INVALID, "statusId"),
				r.bad("statusId not a uuid", json("{'title':'x','statusId':'todo'}"), INVALID, "statusId"),
				r.bad("dueDate tomorrow", json("{'title':'x','dueDate':'tomorrow'}"), INVALID, "dueDate"),
				r.bad("dueDate 30 February", json("{'title':'x','dueDate':'2026-02-30'}"), INVALID, "dueDate"),
				r.bad("number for dueDate", json("{'title':'x','dueDate':20261201}"), INVALID, "dueDate"),
				r.bad("string for customFields", json("{'title':'x','customFields':'x'}"), INVALID, "customFields"),
				r.bad("text for a number field", json("{'title':'x','customFields':{'" + f.field + "':'lots'}}"),
						INVALID, "customFields." + f.field),
				r.bad("title 501", json("{'title':'" + "t".repeat(501) + "'}"), INVALID, "title"),
				r.bad("description 100001", json("{'title':'x','description':'" + "d".repeat(100_001) + "'}"), INVALID,
						"description"),
				r.bad("priority critical", json("{'title':'x','priority':'critical'}"), INVALID, "priority"),
				r.bad("priority upper case", json("{'title':'x','priority':'HIGH'}"), INVALID, "priority"),
				r.bad("null title", json("{'title':null}"), INVALID, "title"),
				r.bad("blank title", json("{'title':' \\t '}"), INVALID, "title"),
				r.bad("estimate -1", json("{'title':'x','estimate':-1}"), INVALID, "estimate"),
				r.bad("estimate 1e400", json("{'title':'x','estimate':1e400}"), INVALID, "estimate"),
				r.bad("estimate 0.001", json("{'title':'x','estimate':0.001}"), INVALID, "estimate"),
				r.bad("estimate 1000000", json("{'title':'x','estimate':1000000}"), INVALID, "estimate"),
				r.bad("estimate NaN", json("{'title':'x','estimate':NaN}"), MALFORMED, null),
				r.rule("status of another project", json("{'title':'x','statusId':'" + f.otherStatus + "'}")),
				r.rule("assignee who is no member", json("{'title':'x','assigneeId':'" + f.stranger.userId() + "'}")),
				r.rule("parent in another project", json("{'title':'x','parentId':'" + f.otherTask + "'}")),
				r.rule("start after due", json("{'title':'x','startDate':'2026-12-10','dueDate':'2026-12-01'}")));
	}

	private List<Case> patchCases(Fixture f, Route r) {
		return List.of(r.bad("typo tittle", json("{'tittle':'x'}"), INVALID, "tittle"),
				r.bad("unknown version", json("{'version':99}"), INVALID, "version"),
				r.bad("unknown number", json("{'number':99}"), INVALID, "number"),
				r.bad("unknown projectId", json("{'projectId':'" + f.otherProject + "'}"), INVALID, "projectId"),
				r.bad("number for title", json("{'title':5}"), INVALID, "title"),
				r.bad("string for estimate", json("{'estimate':'five'}"), INVALID, "estimate"),
				r.bad("numeric string for estimate", json("{'estimate':'5'}"), INVALID, "estimate"),
				r.bad("object for statusId", json("{'statusId':{}}"), INVALID, "statusId"),
				r.bad("statusId not a uuid", json("{'statusId':'todo'}"), INVALID, "statusId"),
				r.bad("number for assigneeId", json("{'assigneeId':5}"), INVALID, "assigneeId"),
				r.bad("number for dueDate", json("{'dueDate':20261201}"), INVALID, "dueDate"),
				r.bad("dueDate 30 February", json("{'dueDate':'2026-02-30'}"), INVALID, "dueDate"),
				r.bad("string for customFields", json("{'customFields':'x'}"), INVALID, "customFields"),
				r.bad("title 501", json("{'title':'" + "t".repeat(501) + "'}"), INVALID, "title"),
				r.bad("description 100001", json("{'description':'" + "d".repeat(100_001) + "'}"), INVALID,
						"description"),
				r.bad("priority critical", json("{'priority':'critical'}"), INVALID, "priority"),
				r.bad("null title", json("{'title':null}"), INVALID, "title"),
				r.bad("null statusId", json("{'statusId':null}"), INVALID, "statusId"),
				r.bad("null priority", json("{'priority':null}"), INVALID, "priority"),
				r.bad("blank title", json("{'title':'  '}"), INVALID, "title"),
				r.bad("estimate -1", json("{'estimate':-1}"), INVALID, "estimate"),
				r.bad("estimate 1e400", json("{'estimate':1e400}"), INVALID, "estimate"),
				r.bad("estimate 0.001", json("{'estimate':0.001}"), INVALID, "estimate"),
				r.bad("estimate NaN", json("{'estimate':NaN}"), MALFORMED, null),
				r.bad("a good change beside a bad one", json("{'title':'Changed','priority':'critical'}"), INVALID,
						"priority"),
				r.rule("status of another project", json("{'statusId':'" + f.otherStatus + "'}")),
				r.rule("assignee who is no member", json("{'assigneeId':'" + f.stranger.userId() + "'}")),
				r.rule("start after due", json("{'startDate':'2026-12-10'}")));
	}

	private List<Case> moveCases(Fixture f, Route r) {
		return List.of(r.bad("unknown position", json("{'position':1}"), INVALID, "position"),
				r.bad("unknown projectId", json("{'projectId':'" + f.otherProject + "'}"), INVALID, "projectId"),
				r.bad("number for statusId", json("{'statusId':5}"), INVALID, "statusId"),
				r.bad("object for statusId", json("{'statusId':{}}"), INVALID, "statusId"),
				r.bad("statusId not a uuid", json("{'statusId':'done'}"), INVALID, "statusId"),
				r.bad("array for afterTaskId", json("{'afterTaskId':[]}"), INVALID, "afterTaskId"),
				r.rule("status of another project", json("{'statusId':'" + f.otherStatus + "'}")),
				r.rule("after a task of another project", json("{'afterTaskId':'" + f.otherTask + "'}")),
				r.rule("after a task that is below",
						json("{'afterTaskId':'" + f.neighbour + "','beforeTaskId':'" + f.task + "'}")));
	}

	private List<Case> labelCases(Route r) {
		return List.of(
				r.bad("unknown projectId", withField(r.valid(), "'projectId':'" + UUID.randomUUID() + "'"), INVALID,
						"projectId"),
				r.bad("typo", json("{'nane':'x'}"), INVALID, "nane"),
				r.bad("number for name", json("{'name':5}"), INVALID, "name"),
				r.bad("object for name", json("{'name':{}}"), INVALID, "name"),
				r.bad("number for color", json("{'name':'x','color':123456}"), INVALID, "color"),
				r.bad("name 51", json("{'name':'" + "n".repeat(51) + "'}"), INVALID, "name"),
				r.bad("description 501", json("{'name':'x','description':'" + "d".repeat(501) + "'}"), INVALID,
						"description"),
				r.bad("color red", json("{'name':'x','color':'red'}"), INVALID, "color"),
				r.bad("null name", json("{'name':null}"), INVALID, "name"));
	}

	private List<Case> commentCases(Route r) {
		return List.of(
				r.bad("unknown authorId", withField(r.valid(), "'authorId':'" + UUID.randomUUID() + "'"), INVALID,
						"authorId"),
				r.bad("typo", json("{'bdoy':'x'}"), INVALID, "bdoy"),
				r.bad("number for body", json("{'body':5}"), INVALID, "body"),
				r.bad("object for body", json("{'body':{}}"), INVALID, "body"),
				r.bad("array for body", json("{'body':['x']}"), INVALID, "body"),
				r.bad("body 20001", json("{'body':'" + "b".repeat(20_001) + "'}"), INVALID, "body"),
				r.bad("null body", json("{'body':null}"), INVALID, "body"),
				r.bad("blank body", json("{'body':'   '}"), INVALID, "body"));
	}

	private List<Case> fieldCases(Route r) {
		return List.of(r.bad("unknown id", withField(r.valid(), "'id':'" + UUID.randomUUID() + "'"), INVALID, "id"),
				r.bad("number for type", json("{'name':'Cost','type':5}"), INVALID, "type"),
				r.bad("object for name", json("{'name':{},'type':'text'}"), INVALID, "name"),
				r.bad("string for options", json("{'name':'Cost','type':'select','options':'a'}"), INVALID, "options"),
				r.bad("string for position", json("{'name':'Cost','type':'text','position':'first'}"), INVALID,
						"position"),
				r.bad("fraction for position", json("{'name':'Cost','type':'text','position':1.5}"), INVALID,
						"position"),
				r.bad("numeric string for position", json("{'name':'Cost','type':'text','position':'2'}"), INVALID,
						"position"),
				r.bad("position beyond int", json("{'name':'Cost','type':'text','position':99999999999}"), INVALID,
						"position"),
				r.bad("name 51", json("{'name':'" + "n".repeat(51) + "','type':'text'}"), INVALID, "name"),
				r.bad("type money", json("{'name':'Cost','type':'money'}"), INVALID, "type"),
				r.bad("type upper case", json("{'name':'Cost','type':'NUMBER'}"), INVALID, "type"),
				r.bad("null type", json("{'name':'Cost','type':null}"), INVALID, "type"),
				r.bad("null name", json("{'name':null,'type':'text'}"), INVALID, "name"),
				r.bad("null option", json("{'name':'Cost','type':'select','options':[null]}"), INVALID, "options[0]"),
				r.bad("position -1", json("{'name':'Cost','type':'text','position':-1}"), INVALID, "position"),
				r.bad("position 1001", json("{'name':'Cost','type':'text','position':1001}"), INVALID, "position"));
	}

	private List<Case> webhookCases(Route r) {
		String events = "'events':['*']";
		return List.of(r.bad("unknown enabled", withField(r.valid(), "'enabled':false"), INVALID, "enabled"),
				r.bad("typo", json("{'url':'http://127.0.0.1:9/','evnets':['*']}"), INVALID, "evnets"),
				r.bad("number for url", json("{'url':5," + events + "}"), INVALID, "url"),
				r.bad("string for events", json("{'url':'http://127.0.0.1:9/','events':'*'}"), INVALID, "events"),
				r.bad("no events", json("{'url':'http://127.0.0.1:9/','events':[]}"), INVALID, "events"),
				r.bad("65 events", json("{'url':'http://127.0.0.1:9/','events':[" + "'*',".repeat(64) + "'*']}"),
						INVALID, "events"),
				r.bad("unknown event type", json("{'url':'http://127.0.0.1:9/','events':['task.exploded']}"), INVALID,
						"events"),
				r.bad("event type 65", json("{'url':'http://127.0.0.1:9/','events':['" + "e".repeat(65) + "']}"),
						INVALID, "events[0]"),
				r.bad("url 2049", json("{'url':'http://127.0.0.1:9/" + "u".repeat(2030) + "'," + events + "}"), INVALID,
						"url"),
				r.bad("null url", json("{'url':null," + events + "}"), INVALID, "url"),
				r.bad("weak secret", json("{'url':'http://127.0.0.1:9/'," + events + ",'secret':'whsec_abc'}"), INVALID,
						"secret"),
				new Case(r, "private address", json("{'url':'http://10.0.0.1/'," + events + "}"), 422,
						"webhook_url_refused", null),
				new Case(r, "ftp", json("{'url':'ftp://127.0.0.1/'," + events + "}"), 422, "webhook_url_refused", null),
				// Read as 127.0.0.1 by curl and browsers, as a public address by Java:
				// which
				// reader is right is no question an address check should depend on.
				new Case(r, "octal host", json("{'url':'http://0177.0.0.1/'," + events + "}"), 422,
						"webhook_url_refused", null),
				new Case(r, "hex host", json("{'url':'http://0x7f.0.0.1/'," + events + "}"), 422, "webhook_url_refused",
						null),
				new Case(r, "shortened host", json("{'url':'http://127.1/'," + events + "}"), 422,
						"webhook_url_refused", null),
				new Case(r, "one-number host", json("{'url':'http://2130706433/'," + events + "}"), 422,
						"webhook_url_refused", null),
				new Case(r, "zero-padded host", json("{'url':'http://127.000.000.001/'," + events + "}"), 422,
						"webhook_url_refused", null),
				new Case(r, "octal public-looking host", json("{'url':'http://010.8.8.8/'," + events + "}"), 422,
						"webhook_url_refused", null));
	}

	private List<Case> preferenceCases(Route r) {
		return List.of(r.bad("typo in a kind", json("{'email':{'comented':false}}"), INVALID, "email.comented"),
				r.bad("unknown channel", json("{'sms':{'assigned':true}}"), INVALID, "sms"),
				r.bad("string for a switch", json("{'inApp':{'assigned':'yes'}}"), INVALID, "inApp.assigned"),
				r.bad("number for a switch", json("{'dailyDigest':1}"), INVALID, "dailyDigest"),
				r.bad("null switch", json("{'email':{'mentioned':null}}"), INVALID, "email.mentioned"),
				r.bad("null channel", json("{'email':null}"), INVALID, "email"),
				r.bad("array for a channel", json("{'inApp':[true]}"), INVALID, "inApp"),
				r.bad("a good switch beside a bad one", json("{'dailyDigest':true,'email':{'dueSoon':'no'}}"), INVALID,
						"email.dueSoon"));
	}

	private void expectRefused(Fixture f, Case c) throws Exception {
		List<String> before = state(f);
		EntityExchangeResult<byte[]> result = send(f.owner, c.route().method(), c.route().path(), c.route().type(),
				c.body())
			.expectBody()
			.returnResult();
		String body = new String((result.getResponseBody() != null) ? result.getResponseBody() : new byte[0],
				StandardCharsets.UTF_8);

		assertThat(result.getStatus().value()).as(body).isEqualTo(c.status());
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body).doesNotContain(LEAKS);
		Map<?, ?> problem = this.json.readValue(body, Map.class);
		assertThat(problem.get("code")).as(body).isEqualTo(c.code());
		assertThat(problem.get("status")).isEqualTo(c.status());
		if (c.field() != null) {
			List<?> errors = (List<?>) problem.get("errors");
			assertThat(errors).as(body).isNotNull();
			List<Object> fields = errors.stream().map((error) -> (Object) ((Map<?, ?>) error).get("field")).toList();
			assertThat(fields).as(body).contains(c.field());
		}
		assertThat(state(f)).isEqualTo(before);
	}

	private RestTestClient.ResponseSpec send(SignedIn user, HttpMethod method, String path, MediaType type,
			String body) {
		// A NUL escape is sent as it is, not encoded again (%00 would become %2500).
		RestTestClient.RequestBodySpec request = path.contains("%00")
				? this.client.method(method).uri(URI.create("http://127.0.0.1:" + this.port + path))
				: this.client.method(method).uri(path);
		request = request.header(HttpHeaders.AUTHORIZATION, user.bearer());
		if (type != null) {
			request.contentType(type);
		}
		if (body != null) {
			request.body(body);
		}
		return request.exchange();
	}

	/**
	 * Every row the fixture's owner has made or may reach, as JSON: what a refused
	 * request must leave alone, down to versions and timestamps.
	 */
	private List<String> state(Fixture f) {
		return this.jdbc.sql("""
				WITH mine AS (SELECT id FROM projects WHERE created_by = :owner)
				SELECT to_jsonb(p)::text FROM projects p WHERE p.id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(m)::text FROM project_members m WHERE m.user_id = :owner
				UNION ALL SELECT to_jsonb(s)::text FROM statuses s WHERE s.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(t)::text FROM tasks t WHERE t.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(l)::text FROM labels l WHERE l.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(tl)::text FROM task_labels tl WHERE tl.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(cf)::text FROM custom_fields cf WHERE cf.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(c)::text FROM comments c
					WHERE c.task_id IN (SELECT id FROM tasks WHERE project_id IN (SELECT id FROM mine))
				UNION ALL SELECT to_jsonb(e)::text FROM events e WHERE e.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(w)::text FROM webhooks w WHERE w.project_id IN (SELECT id FROM mine)
				UNION ALL SELECT to_jsonb(np)::text FROM notification_preferences np WHERE np.user_id = :owner
				UNION ALL SELECT to_jsonb(n)::text FROM notifications n WHERE n.user_id = :owner
				ORDER BY 1
				""").param("owner", f.owner.userId()).query(String.class).list();
	}

	/**
	 * An owner with two projects: a task (with a neighbour below it), a label, a comment
	 * and a number field in the first, a task in the second; a stranger to neither.
	 */
	private Fixture fixture() {
		SignedIn owner = this.users.signedIn();
		SignedIn stranger = this.users.signedIn();
		UUID project = this.api.project(owner);
		UUID otherProject = this.api.project(owner);
		UUID task = UUID.fromString((String) this.api
			.task(owner, project, Map.of("title", "Stable", "description", "Kept", "estimate", 3, "dueDate",
					"2026-12-01", "priority", "high"))
			.get("id"));
		UUID neighbour = UUID.fromString((String) this.api.task(owner, project, Map.of("title", "Below")).get("id"));
		UUID otherTask = UUID
			.fromString((String) this.api.task(owner, otherProject, Map.of("title", "Away")).get("id"));
		for (String label : List.of("alpha", "beta")) {
			this.api.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/labels", Map.of("name", label))
				.expectStatus()
				.isCreated();
		}
		this.api.call(owner, HttpMethod.POST, "/api/v1/tasks/" + task + "/comments", Map.of("body", "First"))
			.expectStatus()
			.isCreated();
		UUID field = UUID.fromString((String) this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/fields",
					Map.of("name", "Points", "type", "number"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		return new Fixture(owner, stranger, project, otherProject, task, neighbour, otherTask,
				this.api.status(otherProject, "Todo"), field, Api.uniqueProjectKey(), this.api.status(project, "Done"));
	}

	private String nextCursor(SignedIn user, String path) {
		String cursor = (String) this.api.page(user, path).get("nextCursor");
		assertThat(cursor).as(path).isNotNull();
		return cursor;
	}

	/** JSON written with single quotes, so that the tables above stay readable. */
	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static String withField(String body, String member) {
		return body.substring(0, body.length() - 1) + "," + json(member) + "}";
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	record Fixture(SignedIn owner, SignedIn stranger, UUID project, UUID otherProject, UUID task, UUID neighbour,
			UUID otherTask, UUID otherStatus, UUID field, String newKey, UUID doneStatus) {

		List<Route> writeRoutes() {
			MediaType json = MediaType.APPLICATION_JSON;
			return List.of(
					new Route("create project", HttpMethod.POST, "/api/v1/projects", json,
							json("{'key':'" + this.newKey + "','name':'New'}")),
					new Route("create task", HttpMethod.POST, "/api/v1/projects/" + this.project + "/tasks", json,
							json("{'title':'New'}")),
					new Route("patch task", HttpMethod.PATCH, "/api/v1/tasks/" + this.task, MERGE_PATCH,
							json("{'title':'Changed'}")),
					new Route("move task", HttpMethod.POST, "/api/v1/tasks/" + this.task + "/move", json,
							json("{'statusId':'" + this.doneStatus + "'}")),
					new Route("create label", HttpMethod.POST, "/api/v1/projects/" + this.project + "/labels", json,
							json("{'name':'fresh'}")),
					new Route("create comment", HttpMethod.POST, "/api/v1/tasks/" + this.task + "/comments", json,
							json("{'body':'hello'}")),
					new Route("create field", HttpMethod.POST, "/api/v1/projects/" + this.project + "/fields", json,
							json("{'name':'Cost','type':'number'}")),
					new Route("create webhook", HttpMethod.POST, "/api/v1/projects/" + this.project + "/webhooks", json,
							json("{'url':'http://127.0.0.1:9/hooks','events':['task.*']}")),
					new Route("patch notification preferences", HttpMethod.PATCH, "/api/v1/me/notifications",
							MERGE_PATCH, json("{'email':{'commented':false}}")));
		}

		Route route(String name) {
			return writeRoutes().stream().filter((route) -> route.name().equals(name)).findFirst().orElseThrow();
		}

	}

	/**
	 * A route and a body it accepts, from which the bad ones are made.
	 */
	record Route(String name, HttpMethod method, String path, MediaType type, String valid) {

		Case bad(String what, String body, String code, String field) {
			return new Case(this, what, body, 400, code, field);
		}

		/** Valid JSON that breaks a business rule. */
		Case rule(String what, String body) {
			return new Case(this, what, body, 422, REFERENCE, null);
		}

		Route withQuery(String query) {
			return new Route(this.name, this.method, this.path + "?" + query, this.type, this.valid);
		}

	}

	record Case(Route route, String what, String body, int status, String code, String field) {

		@Override
		public String toString() {
			return this.route.name() + ": " + this.what;
		}

	}

}
