package dev.cairn.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to registration gets a precise 400 and creates nothing.
 */
class AuthInputTests extends ApiTestSupport {

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	@Test
	void smuggledFieldsAreRefused() {
		String email = Accounts.uniqueEmail();
		for (String field : new String[] { "role", "emailVerified", "id", "isAdmin" }) {
			register("{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\",\"displayName\":\"X\",\""
					+ field + "\":true}")
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("validation_failed")
				.jsonPath("$.detail")
				.isEqualTo("Unknown field '" + field + "'.")
				.jsonPath("$.errors[0].field")
				.isEqualTo(field);
		}
		assertNoAccount(email);
	}

	@Test
	void malformedJsonWrongTypesAndBadEncodingAreRefused() {
		register("{\"email\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The body is not valid JSON.");
		register("{\"email\":\"a@example.com\",\"password\":12345678901234,\"displayName\":\"X\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password");
		register("[]").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed_request");
		byte[] notUtf8 = "{\"email\":\"x\u00e9@example.com\"}".getBytes(StandardCharsets.ISO_8859_1);
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(notUtf8)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("malformed_request");
	}

	@Test
	void missingInvalidAndOverlongFieldsAreEachNamed() {
		register("{}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("validation_failed")
			.jsonPath("$.errors[*].field")
			.isEqualTo(java.util.List.of("displayName", "email", "password"));
		register(Map.of("email", "not-an-email", "password", Accounts.PASSWORD, "displayName", "X")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		register(Map.of("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "displayName", "x".repeat(101)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("displayName");
	}

	@Test
	void weakPasswordsAreRefusedNamingTheRule() {
		String email = "robin.hood-" + System.nanoTime() + "@example.com";
		expectPasswordRule(email, "short one", "must be at least 12 characters");
		expectPasswordRule(email, "x".repeat(129), "must be at most 128 characters");
		expectPasswordRule(email, "1q2w3e4r5t6y", "is too common: it appears in lists of breached passwords");
		expectPasswordRule(email, "QWERTY123456", "is too common: it appears in lists of breached passwords");
		expectPasswordRule(email, "my name is " + email.substring(0, email.indexOf('@')),
				"must not contain your email address");
		assertNoAccount(email);
	}

	// Not on the breached list as written, but variations of what is on it: a strength
	// estimate finds them, and says why, rather than a rule about character classes.
	@Test
	void easilyGuessedPasswordsAreRefusedSayingWhy() {
		String email = "guess-" + System.nanoTime() + "@example.com";
		for (String guessable : java.util.List.of("Password123!", "Password1234!", "monkey123456", "trustno1trustno1",
				"correct horse battery staple", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa")) {
			register(Map.of("email", email, "password", guessable, "displayName", "Robin")).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[?(@.field == 'password')].message")
				.value((messages) -> assertThat(messages.toString()).as(guessable)
					.containsAnyOf("is too easy to guess", "is too common"));
		}
		assertNoAccount(email);
		// A few uncommon words pass, with no digit, capital or symbol asked for.
		register(Map.of("email", email, "password", "lantern orbit granite 47", "displayName", "Robin")).expectStatus()
			.isCreated();
	}

	@Test
	void otherMediaTypesAreRefused() {
		this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.TEXT_PLAIN)
			.body("email=a&password=b")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unsupported_media_type");
	}

	@Test
	void everyResponseCarriesSecurityHeadersAndARequestId() {
		this.client.get()
			.uri("/api/v1/me")
			.header("X-Request-Id", "client-chosen-id-1234")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-chosen-id-1234")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("client-chosen-id-1234");
		this.client.get()
			.uri("/api/v1/me")
			.header("X-Request-Id", "bad id with spaces <script>")
			.exchange()
			.expectHeader()
			.valueMatches("X-Request-Id", "[0-9a-f-]{36}");
	}

	@Test
	void requestsRejectedBeforeSpringMvcStillGetProblemJson() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/me/%2e%2e/users"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"malformed_request\"").doesNotContain("Exception");
	}

	@Test
	void corsIsClosedByDefault() {
		this.client.options()
			.uri("/api/v1/auth/login")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

	private void expectPasswordRule(String email, String password, String rule) {
		register(Map.of("email", email, "password", password, "displayName", "Robin")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'password')].message")
			.isEqualTo(java.util.List.of(rule));
	}

	private RestTestClient.ResponseSpec register(Object body) {
		return this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private void assertNoAccount(String email) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.single()).isZero();
	}

}
