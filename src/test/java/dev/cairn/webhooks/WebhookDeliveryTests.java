package dev.cairn.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.ApiTestSupport;
import dev.cairn.testing.Jobs;
import dev.cairn.testing.WithJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries to real receivers on loopback, with the test retry schedule (1s, 2s, 3s) and
 * a 2 s timeout.
 */
@WithJobs
class WebhookDeliveryTests extends ApiTestSupport {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private SchedulerClient scheduler;

	@Test
	void aCommittedTaskReachesItsWebhookSignedAndLogged() {
		try (Receiver receiver = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> webhook = webhook(owner, project, receiver, List.of("task.created"));
			Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Ship the release"));

			Receiver.Request request = awaitRequests(receiver, 1).get(0);
			assertThat(Signatures.verify((String) webhook.get("secret"), request)).isTrue();
			assertThat(request.headers().get("content-type")).startsWith("application/json");
			// The attempt's span, for a receiver that traces (W3C Trace Context).
			assertThat(request.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
			JsonNode body = this.json.readTree(request.body());
			assertThat(body.get("id").asString()).isEqualTo(request.id());
			assertThat(body.get("type").asString()).isEqualTo("task.created");
			assertThat(body.get("projectId").asString()).isEqualTo(project.toString());
			assertThat(body.get("actor").get("id").asString()).isEqualTo(owner.userId().toString());
			assertThat(body.get("data").get("after").get("title").asString()).isEqualTo("Ship the release");
			assertThat(body.get("taskId").asString()).isEqualTo(task.get("id"));
			assertThat(Math
				.abs(Long.parseLong(request.headers().get("webhook-timestamp")) - System.currentTimeMillis() / 1000))
				.isLessThan(60);

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<?, ?> delivery = firstDelivery(owner, webhook);
				assertThat(delivery.get("status")).isEqualTo("succeeded");
				assertThat(delivery.get("eventId")).isEqualTo(request.id());
				assertThat(delivery.get("eventType")).isEqualTo("task.created");
				assertThat(delivery.get("responseStatus")).isEqualTo(200);
				assertThat(delivery.get("responseBody")).isEqualTo("answer 200");
				assertThat(delivery.get("attempts")).isEqualTo(1);
			});
		}
	}

	@Test
	void onlySubscribedEventsOfTheWebhooksOwnProjectAreSent() {
		try (Receiver receiver = Receiver.start(); Receiver other = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			UUID otherProject = this.api.project(owner);
			webhook(owner, project, receiver, List.of("comment.*"));
			webhook(owner, otherProject, other, List.of("*"));
			Map<?, ?> task = this.api.task(owner, project, Map.of("title", "Quiet"));
			this.api.call(owner, HttpMethod.POST, "/api/v1/tasks/" + task.get("id") + "/comments", Map.of("body", "Hi"))
				.expectStatus()
				.isCreated();

			List<Receiver.Request> requests = awaitRequests(receiver, 1);
			assertThat(this.json.readTree(requests.get(0).body()).get("type").asString()).isEqualTo("comment.created");
			assertThat(other.received()).isEmpty();
			assertThat(receiver.received()).hasSize(1);
		}
	}

	@Test
	void aFailingReceiverGetsEveryRetryWithTheSameIdAndIsThenDisabled() {
		try (Receiver failing = Receiver.start().answering(500); Receiver healthy = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> broken = webhook(owner, project, failing, List.of("task.created"));
			webhook(owner, project, healthy, List.of("task.created"));
			this.api.task(owner, project, Map.of("title", "Doomed"));

			// 1 attempt + 3 retries after 1s, 2s and 3s (each within 20%), each found
			// by a poll (every 250 ms here) and sent: up to 800 ms more.
			List<Receiver.Request> attempts = awaitRequests(failing, 4);
			assertThat(attempts).extracting(Receiver.Request::id).containsOnly(attempts.get(0).id());
			assertThat(gapMillis(attempts, 1)).isBetween(800L, 2000L);
			assertThat(gapMillis(attempts, 2)).isBetween(1600L, 3200L);
			assertThat(gapMillis(attempts, 3)).isBetween(2400L, 4400L);
			// Meanwhile the healthy receiver got its copy at once.
			assertThat(healthy.received()).hasSize(1);
			assertThat(Duration.between(attempts.get(0).at(), healthy.received().get(0).at()).abs())
				.isLessThan(Duration.ofSeconds(1));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<?, ?> webhook = this.api.call(owner, HttpMethod.GET, "/api/v1/webhooks/" + broken.get("id"), null)
					.expectBody(Map.class)
					.returnResult()
					.getResponseBody();
				assertThat(webhook.get("enabled")).isEqualTo(false);
				assertThat((String) webhook.get("disabledReason")).contains("HTTP 500");
			});
			Map<?, ?> delivery = firstDelivery(owner, broken);
			assertThat(delivery.get("status")).isEqualTo("failed");
			assertThat(delivery.get("attempts")).isEqualTo(4);
			assertThat(delivery.get("responseStatus")).isEqualTo(500);
			assertThat(failing.received()).hasSize(4);

			// Events while it is off are not sent; turned back on, it receives again.
			this.api.task(owner, project, Map.of("title", "While off"));
			awaitRequests(healthy, 2);
			assertThat(failing.received()).hasSize(4);
			failing.answering(204);
			this.api.call(owner, HttpMethod.PATCH, "/api/v1/webhooks/" + broken.get("id"), Map.of("enabled", true))
				.expectStatus()
				.isOk();
			this.api.task(owner, project, Map.of("title", "Back on"));
			awaitRequests(failing, 5);
		}
	}

	@Test
	void aHangingReceiverTimesOutWithoutDelayingOtherWebhooks() {
		try (Receiver hanging = Receiver.start().delaying(Duration.ofSeconds(30));
				Receiver healthy = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> slow = webhook(owner, project, hanging, List.of("task.created"));
			webhook(owner, project, healthy, List.of("task.created"));
			for (int i = 0; i < 8; i++) {
				this.api.task(owner, project, Map.of("title", "Task " + i));
			}
			// Eight deliveries to the healthy receiver while the hanging one holds its
			// slots: one slow receiver does not hold up the others.
			awaitRequests(healthy, 8);
			assertThat(this.api.page(owner, "/api/v1/webhooks/" + slow.get("id") + "/deliveries?status=succeeded")
				.get("items")).asList().isEmpty();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Map<?, ?> delivery = firstDelivery(owner, slow);
				assertThat((String) delivery.get("error")).contains("timed out");
				assertThat(delivery.get("responseStatus")).isNull();
			});
		}
	}

	@Test
	void aRefusedConnectionIsRecordedAndRetried() {
		Receiver gone = Receiver.start();
		String url = gone.url();
		gone.close();
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> webhook = this.api
			.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project), Map.of("url", url, "events", List.of("*")))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.api.task(owner, project, Map.of("title", "Nobody home"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<?, ?> delivery = firstDelivery(owner, webhook);
			assertThat(((Number) delivery.get("attempts")).intValue()).isGreaterThanOrEqualTo(2);
			assertThat((String) delivery.get("error")).containsIgnoringCase("refused");
		});
	}

	@Test
	void pingAndRedeliverySendTheSameEventAgainOnRequest() {
		try (Receiver receiver = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> webhook = webhook(owner, project, receiver, List.of("task.created"));
			String base = "/api/v1/webhooks/" + webhook.get("id");

			Map<?, ?> ping = this.api.call(owner, HttpMethod.POST, base + "/ping", null)
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.exists("Location")
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(ping.get("eventType")).isEqualTo("webhook.ping");
			Receiver.Request pinged = awaitRequests(receiver, 1).get(0);
			assertThat(this.json.readTree(pinged.body()).get("type").asString()).isEqualTo("webhook.ping");

			this.api.task(owner, project, Map.of("title", "Again"));
			Receiver.Request original = awaitRequests(receiver, 2).get(1);
			Map<?, ?> delivery = newestDelivery(owner, webhook);
			assertThat(delivery.get("eventId")).isEqualTo(original.id());
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(newestDelivery(owner, webhook).get("status")).isEqualTo("succeeded"));
			this.api.call(owner, HttpMethod.POST, base + "/deliveries/" + delivery.get("id") + "/redeliver", null)
				.expectStatus()
				.isAccepted();
			Receiver.Request again = awaitRequests(receiver, 3).get(2);
			assertThat(again.id()).isEqualTo(original.id());
			assertThat(again.body()).isEqualTo(original.body());

			Api.expectProblem(this.api
				.call(owner, HttpMethod.POST, base + "/deliveries/" + UUID.randomUUID() + "/redeliver", null)
				.expectBody()
				.returnResult(), 404, "delivery_not_found");
		}
	}

	@Test
	void duringASecretRotationBothSecretsSign() {
		try (Receiver receiver = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> webhook = webhook(owner, project, receiver, List.of("task.created"));
			Map<?, ?> rotated = this.api
				.call(owner, HttpMethod.POST, "/api/v1/webhooks/" + webhook.get("id") + "/secret", null)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(rotated.get("secret")).isNotEqualTo(webhook.get("secret"));
			assertThat(rotated.get("secretRotatedAt")).isNotNull();

			this.api.task(owner, project, Map.of("title", "Signed twice"));
			Receiver.Request request = awaitRequests(receiver, 1).get(0);
			assertThat(request.headers().get("webhook-signature").split(" ")).hasSize(2);
			assertThat(Signatures.verify((String) webhook.get("secret"), request)).isTrue();
			assertThat(Signatures.verify((String) rotated.get("secret"), request)).isTrue();
		}
	}

	@Test
	void theDeliveryLogPagesNewestFirstAndFiltersByStatus() {
		try (Receiver receiver = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> webhook = webhook(owner, project, receiver, List.of("task.created"));
			for (int i = 0; i < 3; i++) {
				this.api.task(owner, project, Map.of("title", "Logged " + i));
			}
			awaitRequests(receiver, 3);
			String log = "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat((List<?>) this.api.page(owner, log + "?status=succeeded").get("items"))
					.hasSize(3));
			Map<?, ?> first = this.api.page(owner, log + "?limit=2");
			Map<?, ?> second = this.api.page(owner, log + "?limit=2&cursor=" + first.get("nextCursor"));
			List<Object> ids = new java.util.ArrayList<>(Api.values(first, "id"));
			ids.addAll(Api.values(second, "id"));
			assertThat(ids).hasSize(3).doesNotHaveDuplicates();
			assertThat(ids.stream().map(Object::toString).toList())
				.isSortedAccordingTo(java.util.Comparator.reverseOrder());
			this.api.call(owner, HttpMethod.GET, log + "?status=lost", null).expectStatus().isBadRequest();
		}
	}

	@Test
	void aPendingDeliveryThatLostItsJobIsPickedUpByTheSweep() {
		try (Receiver receiver = Receiver.start()) {
			SignedIn owner = this.users.signedIn();
			UUID project = this.api.project(owner);
			Map<?, ?> webhook = webhook(owner, project, receiver, List.of("task.created"));
			this.api.task(owner, project, Map.of("title", "Orphaned later"));
			awaitRequests(receiver, 1);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(newestDelivery(owner, webhook).get("status")).isEqualTo("succeeded"));
			// As if a redelivery had been asked for as its job was removed.
			this.jdbc.sql("""
					UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now() - interval '2 minutes'
					WHERE webhook_id = :webhook
					""").param("webhook", UUID.fromString((String) webhook.get("id"))).update();

			Jobs.runNow(this.scheduler, "webhook-delivery-sweep");

			assertThat(awaitRequests(receiver, 2).get(1).id()).isEqualTo(receiver.received().get(0).id());
		}
	}

	@Test
	void anUpperCaseSchemeIsStoredInLowerCase() {
		SignedIn owner = this.users.signedIn();
		UUID project = this.api.project(owner);
		Map<?, ?> webhook = this.api
			.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project),
					Map.of("url", "HTTP://127.0.0.1:9/Hooks", "events", List.of("*")))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(webhook.get("url")).isEqualTo("http://127.0.0.1:9/Hooks");
	}

	private Map<?, ?> webhook(SignedIn owner, UUID project, Receiver receiver, List<String> events) {
		return this.api
			.call(owner, HttpMethod.POST, WebhookApiTests.webhooks(project),
					Map.of("url", receiver.url(), "events", events))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> firstDelivery(SignedIn owner, Map<?, ?> webhook) {
		List<?> items = (List<?>) this.api.page(owner, "/api/v1/webhooks/" + webhook.get("id") + "/deliveries")
			.get("items");
		assertThat(items).isNotEmpty();
		return (Map<?, ?>) items.get(items.size() - 1);
	}

	private Map<?, ?> newestDelivery(SignedIn owner, Map<?, ?> webhook) {
		List<?> items = (List<?>) this.api.page(owner, "/api/v1/webhooks/" + webhook.get("id") + "/deliveries")
			.get("items");
		return (Map<?, ?>) items.get(0);
	}

	private static List<Receiver.Request> awaitRequests(Receiver receiver, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= count);
		return receiver.received();
	}

	private static long gapMillis(List<Receiver.Request> requests, int index) {
		return Duration.between(requests.get(index - 1).at(), requests.get(index).at()).toMillis();
	}

}
