package dev.cairn.platform.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.cairn.testing.Health;
import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.TcpProxy;
import dev.cairn.testing.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * Redis in the health endpoint (the real Redis, through a relay the test cuts): UP while
 * it answers; DEGRADED, still 200, while it does not; and never in readiness, since the
 * node keeps serving without it.
 */
class RedisHealthTests {

	@Test
	void anUnreachableRedisDegradesHealthButNotReadiness() {
		LocalRedis.require();
		TestDatabase.Database database = TestDatabase.migrated();
		try (TcpProxy redis = new TcpProxy(LocalRedis.HOST, LocalRedis.PORT);
				Node node = Node.start(database, null, LocalRedis.settings(redis.port(), LocalRedis.freshPrefix()))) {
			Health.expect(node.client(), "/actuator/health", "UP");

			redis.cut();
			Health.expect(node.client(), "/actuator/health", "DEGRADED");
			Health.expect(node.client(), "/actuator/health/readiness", "UP");
			Health.expect(node.client(), "/actuator/health/liveness", "UP");

			// Lettuce reconnects on its own, backing off between tries.
			redis.restore();
			await().atMost(Duration.ofSeconds(40))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> Health.expect(node.client(), "/actuator/health", "UP"));
		}
	}

}
