package dev.cairn.platform.cache;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.platform.CacheRegion;

/**
 * Per region: {@code cache.gets} by hit or miss (Micrometer's names for caches), and
 * {@code cairn.cache.bypassed} for lookups that went to the database because the cache
 * could not be trusted.
 */
final class CacheMeters {

	private final Map<CacheRegion, Counter> hits = new EnumMap<>(CacheRegion.class);

	private final Map<CacheRegion, Counter> misses = new EnumMap<>(CacheRegion.class);

	private final Map<CacheRegion, Counter> bypassed = new EnumMap<>(CacheRegion.class);

	CacheMeters(MeterRegistry meters) {
		for (CacheRegion region : CacheRegion.values()) {
			this.hits.put(region, meters.counter("cache.gets", "cache", region.cacheName(), "result", "hit"));
			this.misses.put(region, meters.counter("cache.gets", "cache", region.cacheName(), "result", "miss"));
			this.bypassed.put(region, meters.counter("cairn.cache.bypassed", "cache", region.cacheName()));
		}
	}

	void hit(CacheRegion region) {
		this.hits.get(region).increment();
	}

	void miss(CacheRegion region) {
		this.misses.get(region).increment();
	}

	void bypassed(CacheRegion region) {
		this.bypassed.get(region).increment();
	}

}
