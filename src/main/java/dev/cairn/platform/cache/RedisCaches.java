package dev.cairn.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;
import dev.cairn.platform.redis.RedisAvailability;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCacheManager;

/**
 * Caches in Redis, shared by every node. While Redis is unreachable lookups go to the
 * database and nothing is cached; when it is back the caches are emptied before use,
 * since evictions may have failed meanwhile.
 * <p>
 * An eviction does not delete the entry: it writes a tombstone that lives a few seconds
 * ({@code CAIRN_REDIS_EVICTION_HOLD}), and a lookup stores what it loaded only where
 * there is nothing at all (SET NX). A lookup on any node that read the database just
 * before the change committed, and comes to store the old value just after the eviction,
 * finds the tombstone and stores nothing. A plain delete would let that old value in, for
 * every node to read until it expired (a removed member's role; a webhook list without
 * the webhook just created, so events fanned out meanwhile miss it): seen with two nodes
 * under load in deploy/multinode.sh.
 */
final class RedisCaches implements Caches, DisposableBean {

	/**
	 * What an evicted entry holds for {@code cairn.redis.eviction-hold}; no real value
	 * looks like it.
	 */
	static final String TOMBSTONE = "\u0000evicted";

	private static final Duration EVICTION_RETRY_INTERVAL = Duration.ofMillis(500);

	private static final int EVICTION_RETRIES = 120;

	private final RedisCacheManager manager;

	private final RedisAvailability redis;

	private final CacheMeters meters;

	private final ScheduledExecutorService later = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cache-eviction-retries").factory());

	RedisCaches(RedisCacheManager manager, RedisAvailability redis, CacheMeters meters) {
		this.manager = manager;
		this.redis = redis;
		this.meters = meters;
		redis.onRecovery(() -> {
			for (CacheRegion region : CacheRegion.values()) {
				cache(region).clear();
			}
		});
	}

	@Override
	public String get(CacheRegion region, String key, Supplier<String> loader) {
		Cache cache = cache(region);
		Optional<String> cached = this.redis.attempt(() -> cache.get(key, String.class));
		if (cached.isPresent() && !TOMBSTONE.equals(cached.get())) {
			this.meters.hit(region);
			return cached.get();
		}
		boolean usable = this.redis.up();
		String value = loader.get();
		if (!usable) {
			this.meters.bypassed(region);
		}
		else {
			this.meters.miss(region);
			if (cached.isEmpty()) { // a tombstone stays until it expires
				this.redis.attempt(() -> cache.putIfAbsent(key, value));
			}
		}
		return value;
	}

	@Override
	public void evict(CacheRegion region, String key) {
		AfterTransaction.run(() -> {
			if (!evicted(region, key)) {
				retry(region, key, EVICTION_RETRIES);
			}
		});
	}

	/**
	 * Writes the tombstone, trying twice at once; tried even while Redis counts as down
	 * for lookups, since every other node reads the same store and would otherwise serve
	 * the old value. A command timeout under load is the usual failure, and the next try
	 * succeeds.
	 */
	private boolean evicted(CacheRegion region, String key) {
		return this.redis.attemptEvenIfDown(() -> cache(region).put(key, TOMBSTONE))
				|| this.redis.attemptEvenIfDown(() -> cache(region).put(key, TOMBSTONE));
	}

	// Then every half second for a minute, off the request.
	private void retry(CacheRegion region, String key, int left) {
		if (left > 0) {
			this.later.schedule(() -> {
				if (!evicted(region, key)) {
					retry(region, key, left - 1);
				}
			}, EVICTION_RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private Cache cache(CacheRegion region) {
		return this.manager.getCache(region.cacheName());
	}

	@Override
	public void destroy() {
		this.later.shutdownNow();
	}

}
