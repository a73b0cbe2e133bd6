package dev.cairn.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitsApiTests extends ApiTestSupport {

	private static final int LIMIT = 1024 * 1024;

	private static final String PROJECTS = "/api/v1/projects";

	@LocalServerPort
	private int port;

	@Test
	void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
		SignedIn owner = this.users.signedIn();
		String declared = Api.uniqueProjectKey();
		String chunked = Api.uniqueProjectKey();

		assertThat(post(owner, null, padded(declared, LIMIT)).getStatus().value()).isEqualTo(201);
		assertThat(postChunked(owner, null, padded(chunked, LIMIT)).statusCode()).isEqualTo(201);

		assertThat(this.api.projectsWithKey(declared)).isOne();
		assertThat(this.api.projectsWithKey(chunked)).isOne();
	}

	@Test
	void aLargerBodyWithContentLengthIs413AndChangesNothing() {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		for (String idempotencyKey : new String[] { null, UUID.randomUUID().toString() }) {
			EntityExchangeResult<byte[]> result = post(owner, idempotencyKey, padded(projectKey, LIMIT + 1));

			assertThat(result.getStatus().value()).isEqualTo(413);
			assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.contains("\"code\":\"payload_too_large\"", "larger than 1 MiB");
		}
		assertThat(this.api.projectsWithKey(projectKey)).isZero();
		assertThat(idempotencyKeysOf(owner)).isZero();
	}

	@Test
	void aLargerChunkedBodyIs413AndChangesNothing() throws Exception {
		SignedIn owner = this.users.signedIn();
		String projectKey = Api.uniqueProjectKey();
		for (String idempotencyKey : new String[] { null, UUID.randomUUID().toString() }) {
			HttpResponse<String> response = postChunked(owner, idempotencyKey, padded(projectKey, LIMIT + 1));

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
				.hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(response.body()).contains("\"code\":\"payload_too_large\"", "larger than 1 MiB");
		}
		assertThat(this.api.projectsWithKey(projectKey)).isZero();
		assertThat(idempotencyKeysOf(owner)).isZero();
	}

	@Test
	void theLimitHoldsBeforeSignIn() throws Exception {
		String email = Accounts.uniqueEmail();
		String body = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
				+ "\",\"displayName\":\"Big\"}";
		byte[] large = (body + " ".repeat(LIMIT + 1 - body.length())).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/auth/register"))
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void bodiesThatAreNotJsonAre415AndChangeNothing() throws Exception {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String projectKey = Api.uniqueProjectKey();
		String json = "{\"key\":\"" + projectKey + "\",\"name\":\"Apollo\"}";

		Api.expectProblem(this.client.post()
			.uri(PROJECTS)
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.contentType(MediaType.TEXT_PLAIN)
			.body(json)
			.exchange()
			.returnResult(byte[].class), 415, "unsupported_media_type");
		Api.expectProblem(this.client.patch()
			.uri(PROJECTS + "/" + project)
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.contentType(MediaType.TEXT_PLAIN)
			.body("{\"name\":\"Renamed\"}")
			.exchange()
			.returnResult(byte[].class), 415, "unsupported_media_type");
		// No Content-Type at all (RestTestClient always sends one).
		HttpResponse<String> untyped = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + PROJECTS))
				.header(HttpHeaders.AUTHORIZATION, owner.bearer())
				.header(IdempotencyFilter.HEADER, UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(untyped.statusCode()).isEqualTo(415);
		assertThat(untyped.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(untyped.body()).contains("\"code\":\"unsupported_media_type\"");

		assertThat(this.api.projectsWithKey(projectKey)).isZero();
		assertThat(idempotencyKeysOf(owner)).isZero();
		assertThat(this.jdbc.sql("SELECT name FROM projects WHERE id = :id")
			.param("id", project)
			.query(String.class)
			.single()).isEqualTo("Test project");
	}

	@Test
	void htmlIsNotAcceptableAndTheProblemIsStillJson() {
		SignedIn owner = this.users.signedIn();
		Api.expectProblem(this.client.get()
			.uri(PROJECTS)
			.header(HttpHeaders.AUTHORIZATION, owner.bearer())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.returnResult(byte[].class), 406, "not_acceptable");
	}

	private EntityExchangeResult<byte[]> post(SignedIn user, String idempotencyKey, byte[] body) {
		return this.client.post().uri(PROJECTS).header(HttpHeaders.AUTHORIZATION, user.bearer()).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set(IdempotencyFilter.HEADER, idempotencyKey);
			}
		}).contentType(MediaType.APPLICATION_JSON).body(body).exchange().returnResult(byte[].class);
	}

	// A body of unknown length goes out chunked (Transfer-Encoding: chunked).
	private HttpResponse<String> postChunked(SignedIn user, String idempotencyKey, byte[] body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + PROJECTS))
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		if (idempotencyKey != null) {
			request.header(IdempotencyFilter.HEADER, idempotencyKey);
		}
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A valid create body padded with trailing whitespace to exactly {@code size} bytes.
	 */
	private static byte[] padded(String projectKey, int size) {
		String json = "{\"key\":\"" + projectKey + "\",\"name\":\"Apollo\"}";
		return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
	}

	private long idempotencyKeysOf(SignedIn user) {
		return this.jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE user_id = :user")
			.param("user", user.userId())
			.query(Long.class)
			.single();
	}

}
