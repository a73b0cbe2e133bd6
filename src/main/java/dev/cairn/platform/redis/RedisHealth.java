package dev.cairn.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis in {@code /actuator/health} (component {@code redis}), when one is configured.
 * Without Redis a node still serves everything: caches read the database and rate limits
 * count on each node. So an unreachable Redis is {@link #DEGRADED}, which answers 200 and
 * ranks between UP and DOWN, and it is not part of readiness: taking every node out of
 * the load balancer because the cache went away would turn a slower instance into a dead
 * one (ADR 0013). The check pings Redis within the configured timeout. Made by
 * {@link RedisConfiguration}, so only where Redis is configured.
 */
class RedisHealth implements HealthIndicator {

	/** Serving, without something it normally uses. */
	static final Status DEGRADED = new Status("DEGRADED",
			"Redis is unreachable: caches read the database, rate limits count on each node");

	private final RedisConnectionFactory connections;

	RedisHealth(RedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public Health health() {
		try (RedisConnection connection = this.connections.getConnection()) {
			connection.ping();
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.status(DEGRADED).withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

}
