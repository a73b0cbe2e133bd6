package dev.cairn.webhooks;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.Node;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to deliveries when a node dies, and when several nodes share the work.
 * Each test runs its own nodes on a database of its own.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class WebhookResilienceTests {

	// Stands in for a node that dies right after a commit: the after-commit listeners
	// handed to it never run.
	private static final TaskExecutor DEAD = (task) -> {
	};

	@Test
	void anEventCommittedJustBeforeTheNodeDiedIsDeliveredByTheNextNode() {
		TestDatabase.Database database = TestDatabase.migrated();
		try (Receiver receiver = Receiver.start()) {
			UUID eventId;
			// After-commit listeners run on the eventListenerExecutor.
			try (Node doomed = Node.start(database,
					(context) -> context.getBeanFactory().registerSingleton("eventListenerExecutor", DEAD))) {
				Api api = new Api(doomed.client(), doomed.bean(JdbcClient.class));
				SignedIn owner = Accounts.signUp(doomed.client());
				UUID project = api.project(owner);
				webhook(api, owner, project, receiver);
				Map<?, ?> task = api.task(owner, project, Map.of("title", "Committed, then the lights went out"));
				eventId = createdEvent(doomed.bean(JdbcClient.class), UUID.fromString((String) task.get("id")));
				assertThat(pendingPublications(doomed.bean(JdbcClient.class))).isPositive();
			}
			assertThat(receiver.received()).isEmpty();

			try (Node next = Node.start(database, null)) {
				await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
				assertThat(receiver.received().get(0).id()).isEqualTo(eventId.toString());
			}
		}
	}

	@Test
	void aDeliveryScheduledOnANodeThatStoppedIsSentByAnother() {
		TestDatabase.Database database = TestDatabase.migrated();
		try (Receiver receiver = Receiver.start()) {
			UUID eventId;
			// This node commits and schedules but never runs a job: as if it died.
			try (Node idle = Node.start(database, null, "cairn.jobs.enabled=false")) {
				Api api = new Api(idle.client(), idle.bean(JdbcClient.class));
				SignedIn owner = Accounts.signUp(idle.client());
				UUID project = api.project(owner);
				webhook(api, owner, project, receiver);
				Map<?, ?> task = api.task(owner, project, Map.of("title", "Scheduled, never sent"));
				eventId = createdEvent(idle.bean(JdbcClient.class), UUID.fromString((String) task.get("id")));
				JdbcClient jdbc = idle.bean(JdbcClient.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'webhook-delivery'")
						.query(Long.class)
						.single() > 0);
			}
			assertThat(receiver.received()).isEmpty();
			try (Node next = Node.start(database, null)) {
				await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
				assertThat(receiver.received()).extracting(Receiver.Request::id).containsExactly(eventId.toString());
			}
		}
	}

	@Test
	void twoNodesDeliverEachEventOnceAndRunEachJobOncePerPeriod() throws InterruptedException {
		TestDatabase.Database database = TestDatabase.migrated();
		try (Receiver receiver = Receiver.start();
				Node a = Node.start(database, null);
				Node b = Node.start(database, null)) {
			Api apiA = new Api(a.client(), a.bean(JdbcClient.class));
			Api apiB = new Api(b.client(), b.bean(JdbcClient.class));
			SignedIn owner = Accounts.signUp(a.client());
			UUID project = apiA.project(owner);
			webhook(apiA, owner, project, receiver);
			double runsBefore = recoveryRuns(a) + recoveryRuns(b);
			long started = System.nanoTime();
			int tasks = 60;
			for (int i = 0; i < tasks; i++) {
				((i % 2 == 0) ? apiA : apiB).task(owner, project, Map.of("title", "Task " + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= tasks);
			Thread.sleep(2000); // room for a duplicate to show up, were there one
			Set<String> ids = new HashSet<>();
			receiver.received().forEach((request) -> ids.add(request.id()));
			assertThat(receiver.received()).hasSize(tasks);
			assertThat(ids).hasSize(tasks);

			// The recovery job runs every second on one node at a time, not on both.
			double seconds = (System.nanoTime() - started) / 1e9;
			double runs = recoveryRuns(a) + recoveryRuns(b) - runsBefore;
			assertThat(runs).isGreaterThan(0).isLessThanOrEqualTo(seconds + 2);
		}
	}

	private static double recoveryRuns(Node node) {
		var counter = node.bean(MeterRegistry.class)
			.find("cairn.jobs.runs")
			.tags("task", "event-publication-recovery", "result", "ok")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static void webhook(Api api, SignedIn owner, UUID project, Receiver receiver) {
		api.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project),
				Map.of("url", receiver.url(), "events", List.of("task.created")))
			.expectStatus()
			.isCreated();
	}

	private static UUID createdEvent(JdbcClient jdbc, UUID taskId) {
		return jdbc.sql("SELECT id FROM events WHERE task_id = :t AND type = 'task.created'")
			.param("t", taskId)
			.query(UUID.class)
			.single();
	}

	private static long pendingPublications(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single();
	}

}
