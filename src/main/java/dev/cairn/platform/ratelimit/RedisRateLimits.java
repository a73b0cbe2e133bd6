package dev.cairn.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.redis.RedisAvailability;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap over Lettuce).
 * While Redis is unreachable, this node counts in its own memory instead.
 */
final class RedisRateLimits implements RateLimits, DisposableBean {

	/** A full bucket is the same as none: its key is removed this long after it fills. */
	private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);

	private final RedisClient client;

	private final RedisAvailability redis;

	private final String keyPrefix;

	private final Duration timeout;

	private final LocalRateLimits fallback = new LocalRateLimits();

	/** A budget's bucket configuration, built once: budgets are a handful of settings. */
	private final Map<Budget, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private StatefulRedisConnection<byte[], byte[]> connection;

	private volatile ProxyManager<byte[]> buckets;

	RedisRateLimits(RedisClient client, RedisAvailability redis, String keyPrefix, Duration timeout) {
		this.client = client;
		this.redis = redis;
		this.keyPrefix = keyPrefix + "rate:";
		this.timeout = timeout;
	}

	@Override
	public Decision take(String key, Budget budget) {
		BucketConfiguration configuration = this.configurations.computeIfAbsent(budget,
				(limit) -> BucketConfiguration.builder().addLimit(LocalRateLimits.bandwidth(limit)).build());
		byte[] redisKey = (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
		return this.redis
			.attempt(() -> LocalRateLimits
				.decision(buckets().builder().build(redisKey, () -> configuration).tryConsumeAndReturnRemaining(1)))
			.orElseGet(() -> this.fallback.take(key, budget));
	}

	// Connected on first use, so that a Redis that is down when Cairn starts is an outage
	// like any other rather than a failed start. Every request asks: only the first ones
	// take the lock.
	private ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> connected = this.buckets;
		return (connected != null) ? connected : connect();
	}

	private synchronized ProxyManager<byte[]> connect() {
		if (this.buckets == null) {
			this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
				.requestTimeout(this.timeout)
				.build();
		}
		return this.buckets;
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
