package dev.cairn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.cairn.notifications.NotificationFixtures;
import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.web.Caller.Scope;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every project route, and the caller's own notification and invitation routes, against
 * every kind of caller: the four roles, a signed-in stranger, nobody, and the owner's
 * personal access tokens with one scope each (read, write, admin), which may call a route
 * only with the scope it is documented to need. Each cell runs on a fresh project, so a
 * cell that deletes something cannot decide the next one. A stranger gets 404 whatever
 * the route: a project you are not in does not exist for you.
 */
class AuthorizationMatrixTests extends ApiTestSupport {

	private static final List<String> CALLERS = List.of("owner", "admin", "member", "viewer", "stranger", "anonymous",
			"read-token", "write-token", "admin-token");

	private Cast cast;

	@Autowired
	private ApplicationContext context;

	@TestFactory
	Stream<DynamicTest> everyRouteAnswersEveryCallerAsItsRoleAllows() {
		return routes().stream()
			.map((route) -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> check(route)));
	}

	// Expected statuses, in the order of CALLERS.
	private static List<Route> routes() {
		return List.of(
				// Projects
				read("/api/v1/projects/{project}"), read("/api/v1/projects/{project}/activity"),
				new Route(HttpMethod.PATCH, "/api/v1/projects/{project}", (w) -> Map.of("name", "Renamed"),
						"200 200 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}", null, "204 403 403 403 404 401",
						Scope.ADMIN),
				new Route(HttpMethod.POST, "/api/v1/projects/{deleted-project}/restore", null,
						"200 403 403 403 404 401", Scope.ADMIN),
				// Members
				read("/api/v1/projects/{project}/members"),
				// By id: the newcomer shares another project with every caller who is
				// in this one.
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/members",
						(w) -> Map.of("userId", w.newcomer(), "role", "member"), "201 201 403 403 404 401",
						Scope.ADMIN),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/members",
						(w) -> Map.of("email", Accounts.uniqueEmail(), "role", "member"), "202 202 403 403 404 401",
						Scope.ADMIN),
				new Route(HttpMethod.PATCH, "/api/v1/projects/{project}/members/{member}",
						(w) -> Map.of("role", "viewer"), "200 200 403 403 404 401", Scope.ADMIN),
				// Members may leave: removing oneself is the one member change
				// anyone may make.
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}/members/{viewer}", null,
						"204 204 403 204 404 401", Scope.ADMIN),
				// Invitations: a project's are its admins'; the owner's own invitation
				// (to the owner's address) is answered by the owner alone, signed in.
				adminRead("/api/v1/projects/{project}/invitations"),
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}/invitations/{invitation}", null,
						"204 204 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.GET, "/api/v1/me/invitations", null, "200 200 200 200 200 401", Scope.READ),
				new Route(HttpMethod.POST, "/api/v1/invitations/{invitation}/accept", null, "200 404 404 404 404 401",
						null),
				new Route(HttpMethod.POST, "/api/v1/invitations/{invitation}/decline", null, "204 404 404 404 404 401",
						null),
				// Statuses
				read("/api/v1/projects/{project}/statuses"),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/statuses",
						(w) -> Map.of("name", "Review", "category", "started"), "201 201 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.PATCH, "/api/v1/projects/{project}/statuses/{status}",
						(w) -> Map.of("name", "Later"), "200 200 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}/statuses/{status}", null,
						"204 204 403 403 404 401", Scope.ADMIN),
				// Labels
				read("/api/v1/projects/{project}/labels"),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/labels", (w) -> Map.of("name", "new"),
						"201 201 403 403 404 401", Scope.WRITE),
				new Route(HttpMethod.PATCH, "/api/v1/projects/{project}/labels/{label}",
						(w) -> Map.of("name", "renamed"), "200 200 403 403 404 401", Scope.WRITE),
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}/labels/{label}", null,
						"204 204 403 403 404 401", Scope.WRITE),
				// Custom fields
				read("/api/v1/projects/{project}/fields"),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/fields",
						(w) -> Map.of("name", "Points", "type", "number"), "201 201 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.PATCH, "/api/v1/projects/{project}/fields/{field}", (w) -> Map.of("name", "Team"),
						"200 200 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.DELETE, "/api/v1/projects/{project}/fields/{field}", null,
						"204 204 403 403 404 401", Scope.ADMIN),
				// Tasks
				read("/api/v1/projects/{project}/tasks"), read("/api/v1/tasks/{task}"),
				read("/api/v1/tasks/by-key/{key}"), read("/api/v1/tasks/{task}/activity"),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/tasks", (w) -> Map.of("title", "New"),
						"201 201 201 403 404 401", Scope.WRITE),
				new Route(HttpMethod.PATCH, "/api/v1/tasks/{task}", (w) -> Map.of("priority", "high"),
						"200 200 200 403 404 401", Scope.WRITE),
				new Route(HttpMethod.DELETE, "/api/v1/tasks/{task}", null, "204 204 204 403 404 401", Scope.WRITE),
				new Route(HttpMethod.POST, "/api/v1/tasks/{deleted-task}/restore", null, "200 200 200 403 404 401",
						Scope.WRITE),
				new Route(HttpMethod.POST, "/api/v1/tasks/{task}/move", (w) -> Map.of("statusId", w.status()),
						"200 200 200 403 404 401", Scope.WRITE),
				new Route(HttpMethod.PUT, "/api/v1/tasks/{task}/labels/{label}", null, "200 200 200 403 404 401",
						Scope.WRITE),
				new Route(HttpMethod.DELETE, "/api/v1/tasks/{task}/labels/{label}", null, "200 200 200 403 404 401",
						Scope.WRITE),
				// Comments: the author edits; the author or an admin deletes.
				read("/api/v1/tasks/{task}/comments"),
				new Route(HttpMethod.POST, "/api/v1/tasks/{task}/comments", (w) -> Map.of("body", "Hi"),
						"201 201 201 403 404 401", Scope.WRITE),
				new Route(HttpMethod.PATCH, "/api/v1/comments/{comment}", (w) -> Map.of("body", "Edited"),
						"200 403 403 403 404 401", Scope.WRITE),
				new Route(HttpMethod.DELETE, "/api/v1/comments/{comment}", null, "204 204 403 403 404 401",
						Scope.WRITE),
				// Webhooks: admins and owners only, reads included (URLs
				// may carry tokens).
				adminRead("/api/v1/projects/{project}/webhooks"),
				new Route(HttpMethod.POST, "/api/v1/projects/{project}/webhooks",
						(w) -> Map.of("url", "http://127.0.0.1:9/new", "events", List.of("*")),
						"201 201 403 403 404 401", Scope.ADMIN),
				adminRead("/api/v1/webhooks/{webhook}"),
				new Route(HttpMethod.PATCH, "/api/v1/webhooks/{webhook}", (w) -> Map.of("events", List.of("task.*")),
						"200 200 403 403 404 401", Scope.ADMIN),
				new Route(HttpMethod.DELETE, "/api/v1/webhooks/{webhook}", null, "204 204 403 403 404 401",
						Scope.ADMIN),
				new Route(HttpMethod.POST, "/api/v1/webhooks/{webhook}/secret", null, "200 200 403 403 404 401",
						Scope.ADMIN),
				new Route(HttpMethod.POST, "/api/v1/webhooks/{webhook}/ping", null, "202 202 403 403 404 401",
						Scope.ADMIN),
				adminRead("/api/v1/webhooks/{webhook}/deliveries"),
				adminRead("/api/v1/webhooks/{webhook}/deliveries/{delivery}"),
				new Route(HttpMethod.POST, "/api/v1/webhooks/{webhook}/deliveries/{delivery}/redeliver", null,
						"202 202 403 403 404 401", Scope.ADMIN),
				// Notifications: everyone's own, whatever their role; the owner's
				// notification is nobody else's to read.
				new Route(HttpMethod.GET, "/api/v1/me/notifications", null, "200 200 200 200 200 401", Scope.READ),
				new Route(HttpMethod.PATCH, "/api/v1/me/notifications", (w) -> Map.of("dailyDigest", true),
						"200 200 200 200 200 401", Scope.WRITE),
				new Route(HttpMethod.GET, "/api/v1/me/notifications/feed", null, "200 200 200 200 200 401", Scope.READ),
				new Route(HttpMethod.POST, "/api/v1/me/notifications/feed/{notification}/read", null,
						"204 404 404 404 404 401", Scope.WRITE),
				new Route(HttpMethod.POST, "/api/v1/me/notifications/feed/read-all", null, "204 204 204 204 204 401",
						Scope.WRITE),
				// The signed token is the authority; personal access tokens may not write
				// here (deny by default), sessions and nobody may.
				new Route(HttpMethod.POST, "/api/v1/notifications/unsubscribe?token={unsubscribe}", null,
						"204 204 204 204 204 204", null),
				// The page a mail's footer links to, and its script: static, for anyone,
				// whatever credential comes with the request (outside the API's scopes).
				new Route(HttpMethod.GET, "/unsubscribe", null, "200 200 200 200 200 200 200 200 200", null),
				new Route(HttpMethod.GET, "/unsubscribe.js", null, "200 200 200 200 200 200 200 200 200", null));
	}

	private static Route read(String path) {
		return new Route(HttpMethod.GET, path, null, "200 200 200 200 404 401", Scope.READ);
	}

	private static Route adminRead(String path) {
		return new Route(HttpMethod.GET, path, null, "200 200 403 403 404 401", Scope.ADMIN);
	}

	private void check(Route route) {
		Cast cast = cast();
		List<String> expected = route.expected();
		List<String> actual = new ArrayList<>();
		World world = null;
		for (String caller : CALLERS) {
			// A refused call changes nothing (other tests prove it), so the world is made
			// again only after a call that may have changed it.
			if (world == null) {
				world = world(cast);
			}
			String path = world.expand(route.path());
			RestTestClient.RequestBodySpec request = this.client.method(route.method()).uri(path);
			String token = cast.tokenOf(caller);
			if (token != null) {
				request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			}
			RestTestClient.ResponseSpec response = (route.body() != null)
					? request.contentType(MediaType.APPLICATION_JSON).body(route.body().apply(world)).exchange()
					: request.exchange();
			int status = response.returnResult(String.class).getStatus().value();
			actual.add(String.valueOf(status));
			if (status < 400 && route.method() != HttpMethod.GET) {
				world = null;
			}
			if (status >= 400) {
				response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
			}
		}
		assertThat(actual).as("%s %s for %s", route.method(), route.path(), CALLERS).isEqualTo(expected);
	}

	private Cast cast() {
		if (this.cast == null) {
			SignedIn owner = this.users.signedIn();
			this.cast = new Cast(owner, this.users.signedIn(), this.users.signedIn(), this.users.signedIn(),
					this.users.signedIn(), this.users.signedIn(), this.api.personalToken(owner, "read"),
					this.api.personalToken(owner, "write"), this.api.personalToken(owner, "admin"));
			// The owner's invitations are the owner's to see and answer.
			this.api.verifyEmail(owner);
			// Adding by id is for people the caller already works with.
			UUID common = this.api.project(owner);
			this.api.addMember(common, this.cast.admin(), "admin");
			this.api.addMember(common, this.cast.member(), "member");
			this.api.addMember(common, this.cast.viewer(), "viewer");
			this.api.addMember(common, this.cast.newcomer(), "member");
		}
		return this.cast;
	}

	/** A fresh project with one of everything, made by its owner. */
	private World world(Cast cast) {
		UUID project = this.api.project(cast.owner());
		this.api.addMember(project, cast.admin(), "admin");
		this.api.addMember(project, cast.member(), "member");
		this.api.addMember(project, cast.viewer(), "viewer");
		Map<?, ?> task = this.api.task(cast.owner(), project, Map.of("title", "Task"));
		Map<?, ?> deleted = this.api.task(cast.owner(), project, Map.of("title", "Deleted"));
		this.api.call(cast.owner(), HttpMethod.DELETE, "/api/v1/tasks/" + deleted.get("id"), null)
			.expectStatus()
			.isNoContent();
		String status = created(cast.owner(), "/api/v1/projects/" + project + "/statuses",
				Map.of("name", "Extra", "category", "unstarted"));
		String label = created(cast.owner(), "/api/v1/projects/" + project + "/labels", Map.of("name", "bug"));
		String field = created(cast.owner(), "/api/v1/projects/" + project + "/fields",
				Map.of("name", "Area", "type", "text"));
		this.api.call(cast.owner(), HttpMethod.PUT, "/api/v1/tasks/" + task.get("id") + "/labels/" + label, null)
			.expectStatus()
			.isOk();
		String comment = created(cast.owner(), "/api/v1/tasks/" + task.get("id") + "/comments",
				Map.of("body", "First"));
		UUID deletedProject = this.api.project(cast.owner());
		this.api.addMember(deletedProject, cast.admin(), "admin");
		this.api.addMember(deletedProject, cast.member(), "member");
		this.api.addMember(deletedProject, cast.viewer(), "viewer");
		this.api.call(cast.owner(), HttpMethod.DELETE, "/api/v1/projects/" + deletedProject, null)
			.expectStatus()
			.isNoContent();
		// Nothing listens on port 9 (discard): deliveries fail quietly, which is all the
		// matrix needs of them.
		String webhook = created(cast.owner(), "/api/v1/projects/" + project + "/webhooks",
				Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("*")));
		String delivery = (String) this.api.accepted(cast.owner(), "/api/v1/webhooks/" + webhook + "/ping", null)
			.get("id");
		String invitation = (String) this.api
			.accepted(cast.owner(), "/api/v1/projects/" + project + "/members",
					Map.of("email", cast.owner().email(), "role", "member"))
			.get("id");
		UUID notification = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO notifications (id, user_id, kind, project_id, task_id, in_app, emailed)
				VALUES (:id, :owner, 'commented', :project, :task, true, false)
				""")
			.param("id", notification)
			.param("owner", cast.owner().userId())
			.param("project", project)
			.param("task", UUID.fromString((String) task.get("id")))
			.update();
		String unsubscribe = NotificationFixtures.unsubscribeToken(this.context, cast.owner().userId(), "commented");
		return new World(project, deletedProject, (String) task.get("id"), (String) task.get("key"),
				(String) deleted.get("id"), status, label, field, comment, webhook, delivery, notification.toString(),
				unsubscribe, invitation, cast);
	}

	private String created(SignedIn user, String path, Map<String, ?> body) {
		return (String) this.api.created(user, path, body).get("id");
	}

	/**
	 * @param people the statuses for the owner, admin, member, viewer, stranger and
	 * nobody
	 * @param scope what a personal access token needs here, or null when no token may
	 * call it: the owner's tokens with that one scope get the owner's status, the others
	 * 403
	 */
	private record Route(HttpMethod method, String path, Function<World, Map<String, ?>> body, String people,
			Scope scope) {

		List<String> expected() {
			List<String> expected = new ArrayList<>(List.of(this.people.split(" ")));
			if (expected.size() == CALLERS.size()) {
				return expected; // every caller given, tokens included
			}
			String owner = expected.get(0);
			for (Scope token : List.of(Scope.READ, Scope.WRITE, Scope.ADMIN)) {
				expected.add((token == this.scope) ? owner : "403");
			}
			return expected;
		}

	}

	private record Cast(SignedIn owner, SignedIn admin, SignedIn member, SignedIn viewer, SignedIn stranger,
			SignedIn newcomer, String readToken, String writeToken, String adminToken) {

		String tokenOf(String caller) {
			return switch (caller) {
				case "owner" -> this.owner.accessToken();
				case "admin" -> this.admin.accessToken();
				case "member" -> this.member.accessToken();
				case "viewer" -> this.viewer.accessToken();
				case "stranger" -> this.stranger.accessToken();
				case "read-token" -> this.readToken;
				case "write-token" -> this.writeToken;
				case "admin-token" -> this.adminToken;
				default -> null;
			};
		}

	}

	private record World(UUID project, UUID deletedProject, String task, String key, String deletedTask, String status,
			String label, String field, String comment, String webhook, String delivery, String notification,
			String unsubscribe, String invitation, Cast cast) {

		String expand(String path) {
			return path.replace("{project}", this.project.toString())
				.replace("{deleted-project}", this.deletedProject.toString())
				.replace("{deleted-task}", this.deletedTask)
				.replace("{task}", this.task)
				.replace("{key}", this.key)
				.replace("{status}", this.status)
				.replace("{label}", this.label)
				.replace("{field}", this.field)
				.replace("{comment}", this.comment)
				.replace("{webhook}", this.webhook)
				.replace("{delivery}", this.delivery)
				.replace("{notification}", this.notification)
				.replace("{unsubscribe}", this.unsubscribe)
				.replace("{invitation}", this.invitation)
				.replace("{member}", this.cast.member().userId().toString())
				.replace("{viewer}", this.cast.viewer().userId().toString());
		}

		String newcomer() {
			return this.cast.newcomer().userId().toString();
		}

	}

}
