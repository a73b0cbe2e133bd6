package dev.cairn.auth;

import java.util.Map;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@AutoConfigureRestTestClient
@TestPropertySource(properties = { "cairn.throttle.enabled=true", "cairn.throttle.limits.login-account.capacity=3",
		"cairn.throttle.limits.login-ip.capacity=1000", "cairn.throttle.limits.register-ip.capacity=1000",
		"cairn.throttle.limits.password-reset-account.capacity=2" })
class ThrottleTests {

	@Autowired
	private RestTestClient client;

	@Test
	void guessingOnePasswordIsThrottledPerAccountWith429AndRetryAfter() {
		SignedIn victim = Accounts.signUp(this.client); // one attempt spent
		for (int i = 0; i < 2; i++) {
			login(victim.email(), "guess number " + i).expectStatus().isUnauthorized();
		}
		login(victim.email(), "guess number 3").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("rate_limited");
		// Other accounts are not affected.
		SignedIn other = Accounts.signUp(this.client);
		login(other.email(), Accounts.PASSWORD).expectStatus().isOk();
	}

	@Test
	void passwordResetMailsAreThrottledPerAccount() {
		String email = Accounts.uniqueEmail();
		for (int i = 0; i < 2; i++) {
			forgot(email).expectStatus().isAccepted();
		}
		forgot(email.toUpperCase()).expectStatus().isEqualTo(429);
	}

	private RestTestClient.ResponseSpec login(String email, String password) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password))
			.exchange();
	}

	private RestTestClient.ResponseSpec forgot(String email) {
		return this.client.post()
			.uri("/api/v1/auth/password/forgot")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email))
			.exchange();
	}

}
