package dev.cairn.platform.cache;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Caches in this node's memory (Caffeine through Spring's cache abstraction), kept fresh
 * across nodes by PostgreSQL: an eviction is a {@code NOTIFY} sent in the transaction of
 * the change, so every node hears of it when, and only if, the change commits.
 */
final class LocalCaches implements Caches, SmartLifecycle {

	static final String CHANNEL = "cairn_cache_evictions";

	private final CaffeineCacheManager manager = new CaffeineCacheManager();

	private final JdbcClient jdbc;

	private final EvictionListener listener;

	private final CacheMeters meters;

	LocalCaches(JdbcClient jdbc, EvictionListener.Connector connector, CacheSettings settings, CacheMeters meters) {
		this.jdbc = jdbc;
		this.meters = meters;
		for (CacheRegion region : CacheRegion.values()) {
			this.manager.registerCustomCache(region.cacheName(),
					Caffeine.newBuilder()
						.maximumSize(region.maximumSize())
						.expireAfterWrite(region.timeToLive())
						.<Object, Object>build());
		}
		this.listener = new EvictionListener(connector, CHANNEL, settings.heartbeat(), this::evictHere,
				this::clearHere);
	}

	@Override
	public String get(CacheRegion region, String key, Supplier<String> loader) {
		if (!this.listener.listening()) {
			// Another node's eviction could be missed right now: ask the database.
			this.meters.bypassed(region);
			return loader.get();
		}
		boolean[] loaded = new boolean[1];
		String value;
		try {
			// Caffeine loads a key once at a time, and an eviction of that key waits for
			// the load and then removes what it read: a lookup that raced a change cannot
			// leave the old value behind.
			value = cache(region).get(key, () -> {
				loaded[0] = true;
				return loader.get();
			});
		}
		catch (Cache.ValueRetrievalException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		if (loaded[0]) {
			this.meters.miss(region);
		}
		else {
			this.meters.hit(region);
		}
		return value;
	}

	@Override
	public void evict(CacheRegion region, String key) {
		// Joins the caller's transaction: PostgreSQL delivers it on commit, to every
		// listening node, this one included.
		this.jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", region.cacheName() + " " + key)
			.query()
			.singleRow();
		// This node does not wait for the round trip: the request that made the
		// change sees it.
		AfterTransaction.run(() -> evictHere(region, key));
	}

	private void evictHere(CacheRegion region, String key) {
		cache(region).evict(key);
	}

	private void clearHere() {
		for (CacheRegion region : CacheRegion.values()) {
			cache(region).clear();
		}
	}

	private Cache cache(CacheRegion region) {
		return this.manager.getCache(region.cacheName());
	}

	@Override
	public void start() {
		this.listener.start();
	}

	@Override
	public void stop() {
		this.listener.stop();
	}

	@Override
	public boolean isRunning() {
		return this.listener.isRunning();
	}

}
