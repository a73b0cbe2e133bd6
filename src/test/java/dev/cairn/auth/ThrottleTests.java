package dev.cairn.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "cairn.throttle.enabled=true", "cairn.throttle.limits.login-account.capacity=3",
		"cairn.throttle.limits.login-ip.capacity=1000", "cairn.throttle.limits.register-ip.capacity=1000",
		"cairn.throttle.limits.password-reset-account.capacity=2",
		"cairn.throttle.limits.invitations-inviter.capacity=3" })
class ThrottleTests extends ApiTestSupport {

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

	// Revoking does not give the budget back: inviting, revoking and
	// inviting again stops.
	@Test
	void invitationsByEmailAreThrottledPerInviterAcrossProjects() {
		SignedIn inviter = Accounts.signUp(this.client);
		Api api = new Api(this.client, this.jdbc);
		UUID first = api.project(inviter);
		UUID second = api.project(inviter);
		for (UUID project : List.of(first, first, second)) {
			invite(inviter, project).expectStatus().isAccepted();
		}
		invite(inviter, second).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*");
		assertThat(this.jdbc.sql("SELECT count(*) FROM project_invitations WHERE invited_by = :u")
			.param("u", inviter.userId())
			.query(Long.class)
			.single()).isEqualTo(3);
		// Another inviter has a budget of their own.
		SignedIn other = Accounts.signUp(this.client);
		invite(other, api.project(other)).expectStatus().isAccepted();
	}

	private RestTestClient.ResponseSpec invite(SignedIn by, UUID project) {
		return this.client.post()
			.uri("/api/v1/projects/" + project + "/members")
			.header(HttpHeaders.AUTHORIZATION, by.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", Accounts.uniqueEmail(), "role", "member"))
			.exchange();
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
