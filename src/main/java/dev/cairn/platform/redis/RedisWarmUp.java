package dev.cairn.platform.redis;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Connects the caches' Redis connection while the node starts, before it takes requests.
 * On a cold JVM the first connection (Lettuce and Netty starting up) can take longer than
 * {@code CAIRN_REDIS_TIMEOUT}: left to the first request, a node that joins under load
 * began with Redis "unreachable" for the retry interval, and its first requests waited on
 * the connection ({@link RedisAvailability#warmUp}).
 */
final class RedisWarmUp implements SmartInitializingSingleton {

	private final RedisConnectionFactory connections;

	private final RedisAvailability redis;

	RedisWarmUp(RedisConnectionFactory connections, RedisAvailability redis) {
		this.connections = connections;
		this.redis = redis;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.redis.warmUp(() -> {
			try (RedisConnection connection = this.connections.getConnection()) {
				connection.ping();
			}
		});
	}

}
