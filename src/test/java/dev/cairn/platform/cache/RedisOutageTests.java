package dev.cairn.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.testing.Accounts;
import dev.cairn.testing.Accounts.SignedIn;
import dev.cairn.testing.Api;
import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TcpProxy;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away while Cairn runs (the real Redis, reached through a relay the test
 * cuts): every request is still answered from the database, access changes made meanwhile
 * hold, and once Redis is back Cairn uses it again, but only after emptying what it may
 * have failed to evict.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class RedisOutageTests {

	@Test
	void cairnServesWithoutRedisAndTrustsItAgainOnlyAfterEmptyingIt() throws InterruptedException {
		LocalRedis.require();
		TestDatabase.Database database = TestDatabase.migrated();
		try (TcpProxy redis = new TcpProxy(LocalRedis.HOST, LocalRedis.PORT)) {
			List<String> settings = new ArrayList<>(
					List.of(LocalRedis.settings(redis.port(), LocalRedis.freshPrefix())));
			settings.add("cairn.redis.retry-interval=200ms");
			try (Node node = Node.start(database, null, settings.toArray(String[]::new))) {
				Api api = new Api(node.client(), node.bean(JdbcClient.class));
				MeterRegistry meters = node.bean(MeterRegistry.class);
				SignedIn owner = Accounts.signUp(node.client());
				SignedIn member = Accounts.signUp(node.client());
				UUID project = api.project(owner);
				String members = "/api/v1/projects/" + project + "/members";
				String tasks = "/api/v1/projects/" + project + "/tasks";
				api.join(owner, project, member, "member");
				// Once the eviction hold of the membership change is over.
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					api.call(member, HttpMethod.GET, tasks, null).expectStatus().isOk();
					assertThat(hits(meters)).as("the member's role is in Redis").isPositive();
				});

				redis.cut();
				api.call(member, HttpMethod.GET, tasks, null).expectStatus().isOk();
				api.call(owner, HttpMethod.DELETE, members + "/" + member.userId(), null).expectStatus().isNoContent();
				api.call(member, HttpMethod.GET, tasks, null).expectStatus().isNotFound();
				assertThat(meters.get("cairn.redis.up").gauge().value()).isZero();
				assertThat(meters.get("cairn.redis.failures").counter().count()).isPositive();
				assertThat(meters.get("cairn.cache.bypassed").tag("cache", "project-roles").counter().count())
					.isPositive();
				// The eviction's first tries fail too: the member's old role stays in
				// Redis until a retry or the recovery removes it.
				Thread.sleep(1500);

				redis.restore();
				await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
					api.call(owner, HttpMethod.GET, tasks, null).expectStatus().isOk();
					return meters.get("cairn.redis.up").gauge().value() == 1;
				});
				api.call(member, HttpMethod.GET, tasks, null).expectStatus().isNotFound();
				double hits = hits(meters);
				api.call(owner, HttpMethod.GET, tasks, null).expectStatus().isOk();
				api.call(owner, HttpMethod.GET, tasks, null).expectStatus().isOk();
				assertThat(hits(meters)).as("Redis is used again").isGreaterThan(hits);
			}
		}
	}

	private static double hits(MeterRegistry meters) {
		return meters.counter("cache.gets", "cache", "project-roles", "result", "hit").count();
	}

}
