package dev.cairn.webhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of 1,000 task creations: every subscribed webhook receives 1,000 distinct
 * events. The delay from commit to delivery is reported (target/webhook-burst.txt), not
 * asserted: timing goals belong to benchmarks.
 */
@WithJobs
class WebhookBurstTests extends ApiTestSupport {

	private static final int TASKS = 1000;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everySubscribedWebhookReceivesEveryEventOfABurst() throws Exception {
		try (Receiver first = Receiver.start(); Receiver second = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			for (Receiver receiver : List.of(first, second)) {
				this.api
					.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project),
							Map.of("url", receiver.url(), "events", List.of("task.created")))
					.expectStatus()
					.isCreated();
			}
			Instant started = Instant.now();
			try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
				for (int i = 0; i < TASKS; i++) {
					int n = i;
					clients.execute(() -> this.api.task(owner, project, Map.of("title", "Burst " + n)));
				}
				clients.shutdown();
				assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
			}
			Duration creating = Duration.between(started, Instant.now());
			await().atMost(Duration.ofMinutes(2))
				.until(() -> first.received().size() >= TASKS && second.received().size() >= TASKS);

			List<Long> delays = new ArrayList<>();
			for (Receiver receiver : List.of(first, second)) {
				HashSet<String> ids = new HashSet<>();
				for (Receiver.Request request : receiver.received()) {
					ids.add(request.id());
					Instant occurred = Instant.parse(this.json.readTree(request.body()).get("occurredAt").asString());
					delays.add(Duration.between(occurred, request.at()).toMillis());
				}
				assertThat(ids).hasSize(TASKS);
				assertThat(receiver.received()).hasSize(TASKS);
			}
			report(creating, delays);
		}
	}

	private static void report(Duration creating, List<Long> delays) throws IOException {
		List<Long> sorted = delays.stream().sorted().toList();
		String line = "webhook burst: %d tasks created in %d ms by 4 clients; commit-to-delivery over %d deliveries: p50 %d ms, p99 %d ms, max %d ms%n"
			.formatted(TASKS, creating.toMillis(), sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
					sorted.get(sorted.size() - 1));
		System.out.print(line);
		Files.writeString(Path.of("target", "webhook-burst.txt"), line);
	}

	private static long percentile(List<Long> sorted, int percentile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

}
