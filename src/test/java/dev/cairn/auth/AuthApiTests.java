package dev.cairn.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTests extends ApiTestSupport {

	@Test
	void registerSignInAndReadOwnAccount() {
		String email = Accounts.uniqueEmail();
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "  Ada  "))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/users/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.displayName")
			.isEqualTo("Ada")
			.jsonPath("$.emailVerified")
			.isEqualTo(false)
			.jsonPath("$.password")
			.doesNotExist();
		SignedIn ada = Accounts.signIn(this.client, email.toUpperCase(), Accounts.PASSWORD);

		this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, ada.bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.profile.timezone")
			.isEmpty();
	}

	@Test
	void registeringAnExistingEmailLooksTheSameAndChangesNothing() {
		SignedIn existing = Accounts.signUp(this.client);
		String hashBefore = passwordHash(existing.email());

		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", existing.email().toUpperCase(), "password", "another long passphrase", "displayName",
					"Mallory"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.value((id) -> assertThat(id).isNotEqualTo(existing.userId().toString()));

		assertThat(passwordHash(existing.email())).isEqualTo(hashBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
			.param("email", existing.email())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		SignedIn user = Accounts.signUp(this.client);
		var wrongPassword = loginBody(user.email(), "not the right passphrase");
		var unknownEmail = loginBody(Accounts.uniqueEmail(), "not the right passphrase");

		assertThat(wrongPassword).containsEntry("status", 401).containsEntry("code", "invalid_credentials");
		wrongPassword.remove("requestId");
		unknownEmail.remove("requestId");
		assertThat(unknownEmail).isEqualTo(wrongPassword);
	}

	@Test
	void disabledAccountsCannotSignIn() {
		SignedIn user = Accounts.signUp(this.client);
		this.jdbc.sql("UPDATE users SET disabled_at = now() WHERE id = :id").param("id", user.userId()).update();

		assertThat(loginBody(user.email(), Accounts.PASSWORD)).containsEntry("code", "invalid_credentials");
		refresh(user.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
		SignedIn user = Accounts.signUp(this.client);
		Map<?, ?> second = refresh(user.refreshToken()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String secondToken = (String) second.get("refreshToken");
		assertThat(secondToken).startsWith("cairn_rt_").isNotEqualTo(user.refreshToken());
		assertThat(second.get("expiresIn")).isEqualTo(900);

		// The first token is replayed (stolen): refused, and the legitimate
		// successor dies too.
		refresh(user.refreshToken()).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_refresh_token");
		refresh(secondToken).expectStatus().isUnauthorized();
	}

	@Test
	void twoParallelRefreshesWithTheSameTokenCannotBothSucceed() throws Exception {
		SignedIn user = Accounts.signUp(this.client);
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> attempt = () -> {
			start.await();
			return refresh(user.refreshToken()).returnResult(String.class).getStatus().value();
		};
		try (var pool = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(attempt));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnlyOnce(200).filteredOn((status) -> status != 200).containsOnly(401);
		}
	}

	@Test
	void logoutEndsThatSessionOnly() {
		SignedIn user = Accounts.signUp(this.client);
		SignedIn otherDevice = Accounts.signIn(this.client, user.email(), Accounts.PASSWORD);

		this.client.post()
			.uri("/api/v1/auth/logout")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", user.refreshToken()))
			.exchange()
			.expectStatus()
			.isNoContent();

		refresh(user.refreshToken()).expectStatus().isUnauthorized();
		refresh(otherDevice.refreshToken()).expectStatus().isOk();
	}

	@Test
	void logoutAllEndsEverySession() {
		SignedIn user = Accounts.signUp(this.client);
		SignedIn otherDevice = Accounts.signIn(this.client, user.email(), Accounts.PASSWORD);

		this.client.post()
			.uri("/api/v1/auth/logout-all")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectStatus()
			.isNoContent();

		refresh(user.refreshToken()).expectStatus().isUnauthorized();
		refresh(otherDevice.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void changingThePasswordEndsEverySessionAndNeedsTheCurrentOne() {
		SignedIn user = Accounts.signUp(this.client);
		changePassword(user, "not my password", "a brand new passphrase").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("wrong_password");
		changePassword(user, Accounts.PASSWORD, "short").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("newPassword");

		changePassword(user, Accounts.PASSWORD, "a brand new passphrase").expectStatus().isNoContent();

		refresh(user.refreshToken()).expectStatus().isUnauthorized();
		assertThat(loginBody(user.email(), Accounts.PASSWORD)).containsEntry("code", "invalid_credentials");
		Accounts.signIn(this.client, user.email(), "a brand new passphrase");
	}

	@Test
	void hashesMadeWithWeakerParametersAreUpgradedAtSignIn() {
		SignedIn user = Accounts.signUp(this.client);
		String weak = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
			.encode(Accounts.PASSWORD);
		this.jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
			.param("hash", weak)
			.param("id", user.userId())
			.update();

		Accounts.signIn(this.client, user.email(), Accounts.PASSWORD);

		assertThat(passwordHash(user.email())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void aSignInLeftIdleTooLongEnds() {
		SignedIn user = Accounts.signUp(this.client);
		this.jdbc.sql("UPDATE refresh_tokens SET created_at = now() - interval '8 days' WHERE user_id = :id")
			.param("id", user.userId())
			.update();
		refresh(user.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void aSignInEndsAtItsAbsoluteDeadlineHoweverOftenItIsRefreshed() {
		SignedIn user = Accounts.signUp(this.client);
		this.jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :id")
			.param("id", user.userId())
			.update();
		refresh(user.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void theJwksPublishesTheKeyThatSignsTokens() {
		SignedIn user = Accounts.signUp(this.client);
		String kid = header(user.accessToken()).get("kid").toString();
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[?(@.kid == '" + kid + "')].alg")
			.isEqualTo(List.of("ES256"))
			.jsonPath("$.keys[0].d")
			.doesNotExist();
	}

	private RestTestClient.ResponseSpec refresh(String refreshToken) {
		return this.client.post()
			.uri("/api/v1/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", refreshToken))
			.exchange();
	}

	private RestTestClient.ResponseSpec changePassword(SignedIn user, String current, String next) {
		return this.client.post()
			.uri("/api/v1/me/password")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", current, "newPassword", next))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> loginBody(String email, String password) {
		return new java.util.HashMap<>(this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
	}

	private String passwordHash(String email) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(String.class)
			.single();
	}

	private static Map<String, Object> header(String jwt) {
		try {
			return com.nimbusds.jose.JWSObject.parse(jwt).getHeader().toJSONObject();
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
