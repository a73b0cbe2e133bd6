package dev.cairn.platform.redis;

import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.TcpProxy;
import dev.cairn.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node connects to Redis while it starts, so its first requests under load do not pay
 * for Lettuce starting up and take Redis for unreachable meanwhile.
 */
class RedisWarmUpTests {

	@Test
	void aNodeHasItsRedisConnectionsBeforeItsFirstRequest() {
		LocalRedis.require();
		TestDatabase.Database database = TestDatabase.migrated();
		try (TcpProxy redis = new TcpProxy(LocalRedis.HOST, LocalRedis.PORT);
				Node node = Node.start(database, null, withRateLimits(redis))) {
			// One for the caches, one for the rate limits.
			assertThat(redis.accepted()).isEqualTo(2);
			assertThat(node.bean(MeterRegistry.class).counter("cairn.redis.failures").count()).isZero();
		}
	}

	private static String[] withRateLimits(TcpProxy redis) {
		return Stream
			.concat(Stream.of(LocalRedis.settings(redis.port(), LocalRedis.freshPrefix())),
					Stream.of("cairn.rate-limit.enabled=true"))
			.toArray(String[]::new);
	}

}
