package dev.cairn.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTokenApiTests extends ApiTestSupport {

	@Test
	void aTokenIsShownOnceStoredHashedAndWorksAsABearerToken() {
		SignedIn user = this.users.signedIn();
		Map<?, ?> created = create(user.bearer(), Map.of("name", "CI script", "scopes", List.of("read"))).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/me/tokens/[0-9a-f-]{36}")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String secret = (String) created.get("token");
		assertThat(secret).matches("cairn_pat_[0-9A-Za-z]{46}");

		me("Bearer " + secret).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(user.email());

		this.client.get()
			.uri("/api/v1/me/tokens")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].name")
			.isEqualTo("CI script")
			.jsonPath("$.items[0].tokenHint")
			.isEqualTo(secret.substring(0, 14))
			.jsonPath("$.items[0].lastUsedAt")
			.isNotEmpty()
			.jsonPath("$.items[0].token")
			.doesNotExist()
			.jsonPath("$.nextCursor")
			.isEmpty();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM api_tokens WHERE token_hint = :hint AND "
					+ "position(convert_to(:secret, 'UTF8') IN token_hash) = 0")
			.param("hint", secret.substring(0, 14))
			.param("secret", secret)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void scopesLimitWhatATokenMayDo() {
		SignedIn user = this.users.signedIn();
		String readOnly = "Bearer " + secret(user, List.of("read"));
		String writer = "Bearer " + secret(user, List.of("read", "write"));

		patchMe(readOnly).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("insufficient_scope");
		patchMe(writer).expectStatus().isOk();
		create(writer, Map.of("name", "escalate", "scopes", List.of("admin"))).expectStatus().isForbidden();
		// Not even an admin token mints tokens: one could outlive the revocation
		// of its parent.
		String adminToken = "Bearer " + secret(user, List.of("read", "admin"));
		create(adminToken, Map.of("name", "child", "scopes", List.of("read"))).expectStatus().isForbidden();

		// Credentials themselves change only from a signed-in session,
		// whatever the scopes.
		String admin = "Bearer " + secret(user, List.of("read", "write", "admin"));
		this.client.post()
			.uri("/api/v1/me/password")
			.header(HttpHeaders.AUTHORIZATION, admin)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "taken over by a script"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/api/v1/auth/logout-all")
			.header(HttpHeaders.AUTHORIZATION, admin)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void revokedExpiredAndMistypedTokensAreRefused() {
		SignedIn user = this.users.signedIn();
		String revoked = secret(user, List.of("read"));
		String id = this.jdbc.sql("SELECT id::text FROM api_tokens WHERE token_hint = :hint")
			.param("hint", revoked.substring(0, 14))
			.query(String.class)
			.single();
		me("Bearer " + revoked).expectStatus().isOk(); // what it grants is cached now
		this.client.delete()
			.uri("/api/v1/me/tokens/" + id)
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectStatus()
			.isNoContent();
		me("Bearer " + revoked).expectStatus().isUnauthorized();

		String expired = secret(user, List.of("read"));
		this.jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_hint = :hint")
			.param("hint", expired.substring(0, 14))
			.update();
		me("Bearer " + expired).expectStatus().isUnauthorized();

		String genuine = secret(user, List.of("read"));
		me("Bearer " + genuine.substring(0, 55) + (genuine.endsWith("a") ? "b" : "a")).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*invalid_token.*");

		this.jdbc.sql("UPDATE users SET disabled_at = now() WHERE id = :id").param("id", user.userId()).update();
		me("Bearer " + genuine).expectStatus().isUnauthorized();
	}

	@Test
	void badTokenRequestsAreRefused() {
		SignedIn user = this.users.signedIn();
		create(user.bearer(), Map.of("name", "x", "scopes", List.of("root"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be read, write or admin");
		create(user.bearer(), Map.of("name", "x", "scopes", List.of())).expectStatus().isBadRequest();
		// At most the three known scopes, each once: a set would have folded these.
		create(user.bearer(), Map.of("name", "x", "scopes", java.util.Collections.nCopies(50_000, "read")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("scopes");
		create(user.bearer(), Map.of("name", "x", "scopes", List.of("read", "read"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must name each scope at most once");
		create(user.bearer(),
				Map.of("name", "x", "scopes", List.of("read"), "expiresAt", Instant.now().minusSeconds(60).toString()))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("expiresAt");
		this.client.delete()
			.uri("/api/v1/me/tokens/00000000-0000-7000-8000-000000000000")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String secret(SignedIn user, List<String> scopes) {
		return (String) create(user.bearer(), Map.of("name", "token", "scopes", scopes)).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
	}

	private RestTestClient.ResponseSpec create(String authorization, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/v1/me/tokens")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec me(String authorization) {
		return this.client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	private RestTestClient.ResponseSpec patchMe(String authorization) {
		return this.client.patch()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Scripted"))
			.exchange();
	}

}
