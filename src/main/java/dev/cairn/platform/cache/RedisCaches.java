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
 * Caches in Redis, shared by every node, so an eviction is one deletion that all nodes
 * see. While Redis is unreachable lookups go to the database and nothing is cached; when
 * it is back the caches are emptied before use, since evictions may have failed
 * meanwhile.
 */
final class RedisCaches implements Caches, DisposableBean {

	/**
	 * A lookup that read the database just before a change committed may store the old
	 * value just after the eviction. Deleting again a little later removes such an entry;
	 * the time to live bounds anything slower still.
	 */
	static final Duration SECOND_EVICTION = Duration.ofSeconds(2);

	private final RedisCacheManager manager;

	private final RedisAvailability redis;

	private final CacheMeters meters;

	private final ScheduledExecutorService later = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cache-second-evictions").factory());

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
		if (cached.isPresent()) {
			this.meters.hit(region);
			return cached.get();
		}
		boolean usable = this.redis.up();
		String value = loader.get();
		if (usable) {
			this.meters.miss(region);
			this.redis.attempt(() -> {
				cache.put(key, value);
				return null;
			});
		}
		else {
			this.meters.bypassed(region);
		}
		return value;
	}

	@Override
	public void evict(CacheRegion region, String key) {
		AfterTransaction.run(() -> {
			evictNow(region, key);
			this.later.schedule(() -> evictNow(region, key), SECOND_EVICTION.toMillis(), TimeUnit.MILLISECONDS);
		});
	}

	// A failure here is not lost: Redis counts as down, and is emptied when it is back.
	private void evictNow(CacheRegion region, String key) {
		this.redis.attempt(() -> cache(region).evictIfPresent(key));
	}

	private Cache cache(CacheRegion region) {
		return this.manager.getCache(region.cacheName());
	}

	@Override
	public void destroy() {
		this.later.shutdownNow();
	}

}
