package dev.cairn.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.redis.RedisAvailability;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap over Lettuce).
 * While Redis is unreachable, this node counts in its own memory instead.
 * <p>
 * Concurrent takes from one bucket on this node are batched into one Redis command
 * (Bucket4j's batching). Without it every request of a busy client raced the others for
 * the same key: each lost race is another round trip, so under load a take could spend
 * its whole timeout retrying, and the node then took Redis for unreachable (seen with two
 * nodes behind nginx, one client on eight connections). Batching works per bucket object,
 * so the buckets in use are kept for a while.
 */
final class RedisRateLimits implements RateLimits, SmartInitializingSingleton, DisposableBean {

	/** A full bucket is the same as none: its key is removed this long after it fills. */
	private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);

	private final RedisClient client;

	private final RedisAvailability redis;

	private final String keyPrefix;

	private final Duration timeout;

	private final LocalRateLimits fallback = new LocalRateLimits();

	/** A budget's bucket configuration, built once: budgets are a handful of settings. */
	private final Map<Budget, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	/**
	 * The batching bucket objects of the keys taken from lately; the state is in Redis.
	 */
	private final Cache<String, Bucket> inUse = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofSeconds(30))
		.build();

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
		return this.redis
			.attempt(() -> LocalRateLimits
				.decision(this.inUse.get(key, (name) -> bucket(name, budget)).tryConsumeAndReturnRemaining(1)))
			.orElseGet(() -> this.fallback.take(key, budget));
	}

	private Bucket bucket(String key, Budget budget) {
		BucketConfiguration configuration = this.configurations.computeIfAbsent(budget,
				(limit) -> BucketConfiguration.builder().addLimit(LocalRateLimits.bandwidth(limit)).build());
		return buckets().builder()
			.withOptimization(Optimizations.batching())
			.build((this.keyPrefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

	/**
	 * Connects while the node starts rather than on its first request, for the reason
	 * RedisWarmUp gives for the caches' connection.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.redis.warmUp(this::buckets);
	}

	// A Redis that is down when Cairn starts is an outage like any other rather than a
	// failed start, so a later request may still have to connect. Every request asks:
	// only the first ones take the lock.
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
