package dev.cairn.platform.cache;

import java.util.function.Supplier;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

/**
 * Caching turned off ({@code CAIRN_CACHE_ENABLED=false}): every lookup reads the
 * database.
 */
final class UncachedCaches implements Caches {

	@Override
	public String get(CacheRegion region, String key, Supplier<String> loader) {
		return loader.get();
	}

	@Override
	public void evict(CacheRegion region, String key) {
	}

}
