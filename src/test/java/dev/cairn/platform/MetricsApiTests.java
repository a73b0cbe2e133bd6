package dev.cairn.platform;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus's scrape: only with the scrape token (no user's credential opens it), and
 * holding what an operator watches: requests by route template, the JVM, the connection
 * pool, the caches, the outbox and the webhook queue.
 */
class MetricsApiTests extends ApiTestSupport {

	static final String SCRAPE_TOKEN = IntegrationTest.SCRAPE_TOKEN;

	@Test
	void theScrapeNeedsTheScrapeTokenAndNothingElseOpensIt() {
		SignedIn user = this.users.signedIn();

		Api.expectProblem(this.client.get().uri("/actuator/prometheus").exchange().expectBody().returnResult(), 401,
				"unauthenticated");
		Api.expectProblem(this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-" + SCRAPE_TOKEN)
			.exchange()
			.expectBody()
			.returnResult(), 401, "unauthenticated");
		Api.expectProblem(this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectBody()
			.returnResult(), 401, "unauthenticated");
		// And the scrape token is no user's: the API does not take it.
		Api.expectProblem(this.client.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
			.exchange()
			.expectBody()
			.returnResult(), 401, "invalid_token");
	}

	@Test
	void theScrapeHoldsRequestsByRouteAndWhatOperatorsWatch() {
		SignedIn user = this.users.signedIn();
		UUID project = this.api.project(user);
		String task = (String) this.api.task(user, project, Map.of("title", "Counted")).get("id");
		this.client.get()
			.uri("/api/v1/tasks/" + task)
			.header(HttpHeaders.AUTHORIZATION, user.bearer())
			.exchange()
			.expectStatus()
			.isOk();

		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/api/v1/tasks/\\{taskId\\}\"\\} [1-9]");
		assertThat(scrape).contains("jvm_memory_used_bytes{", "hikaricp_connections_active{", "cache_gets_total{",
				"cairn_events_outstanding ", "cairn_events_oldest_age_seconds ", "cairn_events_dead ",
				"cairn_webhooks_pending ");
		// Never a task's id or anything else a user wrote: routes are templates.
		assertThat(scrape).doesNotContain(task);
	}

}
