package dev.cairn.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database, each answering access checks from its cache: a change made
 * through one node is enforced by the other, with the caches in each node's memory
 * (evicted through PostgreSQL) and with the caches in Redis. With Redis, on the very next
 * request; in memory, as soon as PostgreSQL has delivered the eviction to the other node,
 * milliseconds after the commit (ADR 0010 says so): a request sent in between may still
 * be answered from the old entry, so the test gives the other node a second to hear it.
 */
class CachesAcrossNodesTests {

	@Test
	void inMemoryCachesFollowChangesMadeOnAnotherNode() {
		changesMadeOnOneNodeHoldOnTheOther(Duration.ofSeconds(1));
	}

	@Test
	void redisCachesFollowChangesMadeOnAnotherNode() {
		LocalRedis.require();
		changesMadeOnOneNodeHoldOnTheOther(Duration.ZERO,
				LocalRedis.settings(LocalRedis.PORT, LocalRedis.freshPrefix()));
	}

	/**
	 * @param window how long the other node may answer from the old entry after the
	 * change returned: zero for the next request
	 */
	private static void changesMadeOnOneNodeHoldOnTheOther(Duration window, String... settings) {
		TestDatabase.Database database = TestDatabase.migrated();
		try (Node a = Node.start(database, null, settings); Node b = Node.start(database, null, settings)) {
			Api onA = new Api(a.client(), a.bean(JdbcClient.class));
			Api onB = new Api(b.client(), b.bean(JdbcClient.class));
			SignedIn owner = Accounts.signUp(a.client());
			SignedIn member = Accounts.signUp(a.client());
			UUID project = onA.project(owner);
			String members = "/api/v1/projects/" + project + "/members";
			String tasks = "/api/v1/projects/" + project + "/tasks";
			onA.join(owner, project, member, "member");
			// Once the change's eviction hold (Redis) is over, B caches the role.
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				onB.call(member, HttpMethod.GET, tasks, null).expectStatus().isOk();
				assertThat(hits(b, "project-roles")).as("the role was read from the cache on B").isPositive();
			});
			onB.task(member, project, Map.of("title", "Written by a member"));
			double hits = hits(b, "project-roles");

			onA.call(owner, HttpMethod.PATCH, members + "/" + member.userId(), Map.of("role", "viewer"))
				.expectStatus()
				.isOk();
			within(window,
					() -> onB.call(member, HttpMethod.POST, tasks, Map.of("title", "Not any more"))
						.expectStatus()
						.isForbidden());

			onA.call(owner, HttpMethod.DELETE, members + "/" + member.userId(), null).expectStatus().isNoContent();
			within(window, () -> onB.call(member, HttpMethod.GET, tasks, null).expectStatus().isNotFound());

			onB.call(owner, HttpMethod.GET, tasks, null).expectStatus().isOk();
			onA.call(owner, HttpMethod.DELETE, "/api/v1/projects/" + project, null).expectStatus().isNoContent();
			within(window, () -> onB.call(owner, HttpMethod.GET, tasks, null).expectStatus().isNotFound());
			onA.call(owner, HttpMethod.POST, "/api/v1/projects/" + project + "/restore", null).expectStatus().isOk();
			within(window, () -> onB.call(owner, HttpMethod.GET, tasks, null).expectStatus().isOk());

			// B has the project's statuses cached from the task it created.
			String status = (String) onA
				.created(owner, "/api/v1/projects/" + project + "/statuses",
						Map.of("name", "Review", "category", "started"))
				.get("id");
			within(window,
					() -> assertThat(
							onB.task(owner, project, Map.of("title", "In review", "statusId", status)).get("statusId"))
						.isEqualTo(status));
			assertThat(hits(b, "project-roles")).isGreaterThan(hits);
		}
	}

	// The check at once when there is no window, else until it holds within the window.
	private static void within(Duration window, Runnable check) {
		if (window.isZero()) {
			check.run();
		}
		else {
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.atMost(window)
				.untilAsserted(check::run);
		}
	}

	private static double hits(Node node, String cache) {
		return node.bean(MeterRegistry.class).counter("cache.gets", "cache", cache, "result", "hit").count();
	}

}
