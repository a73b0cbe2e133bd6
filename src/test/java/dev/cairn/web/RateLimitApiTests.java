package dev.cairn.web;

import java.util.Map;
import java.util.UUID;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's rate limits, with budgets small enough to spend in a test: per user, per
 * personal token, per client address without credentials, and the search budget on top.
 */
@TestPropertySource(properties = { "cairn.rate-limit.enabled=true", "cairn.rate-limit.authenticated.capacity=6",
		"cairn.rate-limit.authenticated.period=1h", "cairn.rate-limit.anonymous.capacity=40",
		"cairn.rate-limit.anonymous.period=1h", "cairn.rate-limit.search.capacity=2",
		"cairn.rate-limit.search.period=1h",
		// The test client stands in for a proxy, to appear as many clients.
		"cairn.web.trusted-proxies=127.0.0.1" })
class RateLimitApiTests extends ApiTestSupport {

	@Test
	void everyResponseSaysWhereTheCallerStands() {
		SignedIn user = this.users.signedIn();

		me(user.bearer()).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Limit", "6")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "5")
			.expectHeader()
			.valueEquals("RateLimit-Policy", "6;w=3600")
			.expectHeader()
			.valueMatches("RateLimit-Reset", "[1-9][0-9]*");
		me(user.bearer()).expectHeader().valueEquals("RateLimit-Remaining", "4");
	}

	@Test
	void aCallerOverBudgetGets429WithRetryAfterAndTheWriteIsNotMade() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner); // 1
		for (int i = 0; i < 5; i++) { // 2 to 6
			this.api.task(owner, project, Map.of("title", "Task " + i));
		}

		EntityExchangeResult<byte[]> refused = this.api
			.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/tasks", Map.of("title", "One too many"))
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
			.expectBody()
			.returnResult();
		Api.expectProblem(refused, 429, "rate_limited");
		assertThat(this.jdbc.sql("SELECT count(*) FROM tasks WHERE project_id = :project")
			.param("project", project)
			.query(Long.class)
			.single()).isEqualTo(5);

		// Someone else's budget is their own.
		SignedIn other = this.users.signedIn();
		me(other.bearer()).expectStatus().isOk();
	}

	@Test
	void aPersonalTokenHasABudgetOfItsOwn() {
		SignedIn user = this.users.signedIn();
		String token = this.api.personalToken(user, "read");

		for (int i = 0; i < 6; i++) {
			me("Bearer " + token).expectStatus().isOk();
		}
		me("Bearer " + token).expectStatus().isEqualTo(429);
		me(user.bearer()).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "4");
	}

	@Test
	void searchesSpendASmallerBudgetOnTop() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		String tasks = "/api/v1/projects/" + project + "/tasks";

		this.api.call(owner, HttpMethod.GET, tasks + "?q=release", null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Limit", "2")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "1");
		this.api.call(owner, HttpMethod.GET, tasks + "?q=release", null).expectStatus().isOk();
		this.api.call(owner, HttpMethod.GET, tasks + "?q=release", null).expectStatus().isEqualTo(429);
		this.api.call(owner, HttpMethod.GET, tasks, null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Limit", "6");
	}

	@Test
	void requestsWithoutCredentialsAreCountedPerClientAddress() {
		String address = "203.0.113." + (1 + (int) (Math.random() * 250));
		for (int i = 0; i < 40; i++) {
			jwks(address).expectStatus().isOk();
		}
		jwks(address).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("RateLimit-Limit", "40")
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*");
		jwks("198.51.100.9").expectStatus().isOk();
		// Health checks are never limited.
		this.client.get()
			.uri("/actuator/health")
			.header("X-Forwarded-For", address)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("RateLimit-Limit");
	}

	private RestTestClient.ResponseSpec me(String authorization) {
		return this.client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	private RestTestClient.ResponseSpec jwks(String address) {
		return this.client.get().uri("/.well-known/jwks.json").header("X-Forwarded-For", address).exchange();
	}

}
