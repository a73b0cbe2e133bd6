package dev.cairn.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the API as a signed-in user, and makes the projects tests need, each with a fresh
 * key so tests never share one.
 */
public record Api(RestTestClient client, JdbcClient jdbc) {

	public RestTestClient.ResponseSpec call(SignedIn user, HttpMethod method, String path, Object body) {
		RestTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, user.bearer());
		if (body != null) {
			return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
		}
		return request.exchange();
	}

	/** POSTs as {@code user}, expects 201 Created, and returns the body. */
	public Map<?, ?> created(SignedIn user, String path, Object body) {
		return call(user, HttpMethod.POST, path, body).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** POSTs as {@code user}, expects 202 Accepted, and returns the body. */
	public Map<?, ?> accepted(SignedIn user, String path, Object body) {
		return call(user, HttpMethod.POST, path, body).expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** A new personal access token of {@code user} with these scopes, as its secret. */
	public String personalToken(SignedIn user, String... scopes) {
		return (String) created(user, "/api/v1/me/tokens", Map.of("name", "test token", "scopes", List.of(scopes)))
			.get("token");
	}

	/** A page of a list, read as {@code user}: {@code {items, nextCursor}}. */
	public Map<?, ?> page(SignedIn user, String path) {
		return call(user, HttpMethod.GET, path, null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** One field of every item of a page, in order. */
	public static List<Object> values(Map<?, ?> page, String field) {
		return ((List<?>) page.get("items")).stream().map((item) -> (Object) ((Map<?, ?>) item).get(field)).toList();
	}

	/** A new project owned by {@code owner}, through the API. */
	public UUID project(SignedIn owner) {
		Map<?, ?> project = call(owner, HttpMethod.POST, "/api/v1/projects",
				Map.of("key", uniqueProjectKey(), "name", "Test project"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) project.get("id"));
	}

	/**
	 * A new task in {@code project}, through the API: its body as the server answered.
	 */
	public Map<?, ?> task(SignedIn user, UUID project, Map<String, ?> fields) {
		return call(user, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", fields).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** The id of one of the project's statuses, by name. */
	public UUID status(UUID project, String name) {
		return this.jdbc.sql("SELECT id FROM statuses WHERE project_id = :p AND name = :n")
			.param("p", project)
			.param("n", name)
			.query(UUID.class)
			.single();
	}

	/**
	 * Adds a member by SQL, behind the caches' back: only for a user who has not asked
	 * anything of the project yet (their "not a member" would still be cached).
	 */
	public void addMember(UUID project, SignedIn user, String role) {
		this.jdbc.sql("INSERT INTO project_members (project_id, user_id, role) VALUES (:p, :u, :r)")
			.param("p", project)
			.param("u", user.userId())
			.param("r", role)
			.update();
	}

	/**
	 * Makes {@code user} a member as people become members: {@code by} invites their
	 * address, and they accept. Their address is marked verified first, by SQL, since
	 * only a verified address sees its invitations (the mailed link is tested in
	 * AccountRecoveryApiTests).
	 * @return the membership, as the acceptance answered
	 */
	public Map<?, ?> join(SignedIn by, UUID project, SignedIn user, String role) {
		verifyEmail(user);
		String invitation = (String) accepted(by, "/api/v1/projects/" + project + "/members",
				Map.of("email", user.email(), "role", role))
			.get("id");
		return call(user, HttpMethod.POST, "/api/v1/invitations/" + invitation + "/accept", null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** Marks the user's address verified, as following the mailed link does. */
	public void verifyEmail(SignedIn user) {
		this.jdbc.sql("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = :id")
			.param("id", user.userId())
			.update();
	}

	/** Asserts a problem+json response with this status and code. */
	public static void expectProblem(EntityExchangeResult<byte[]> result, int status, String code) {
		assertThat(result.getStatus().value()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
			.contains("\"code\":\"" + code + "\"");
	}

	/**
	 * Asserts a problem+json response with this status and code.
	 * @return the problem's body, for its detail and field errors
	 */
	public static Map<?, ?> problem(RestTestClient.ResponseSpec response, int status, String code) {
		Map<?, ?> problem = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("code")).as("%s", problem).isEqualTo(code);
		return problem;
	}

	/** How many projects carry this key: one after a create, none after a refusal. */
	public long projectsWithKey(String key) {
		return this.jdbc.sql("SELECT count(*) FROM projects WHERE key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	public static String uniqueProjectKey() {
		return "P"
				+ Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36).toUpperCase().substring(0, 8);
	}

}