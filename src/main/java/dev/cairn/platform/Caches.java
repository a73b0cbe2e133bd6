package dev.cairn.platform;

import java.util.function.Supplier;

/**
 * The caches of {@link CacheRegion}: in this node's memory, evicted on every node through
 * PostgreSQL's LISTEN/NOTIFY; or in Redis, shared by all nodes, when
 * {@code CAIRN_REDIS_URL} is set. Either way the database stays the source of truth: a
 * cache that cannot promise fresh answers (its eviction channel is down, Redis is
 * unreachable) is bypassed, never trusted.
 */
public interface Caches {

	/**
	 * The cached value, or {@code loader}'s, which is then cached.
	 * @param loader reads the database; never returns null
	 */
	String get(CacheRegion region, String key, Supplier<String> loader);

	/**
	 * Drops the entry on every node once the current transaction ends (or at once,
	 * outside one). Call it in the transaction that changes what the entry was read from:
	 * this node evicts before the request that made the change returns, and other nodes
	 * are told when, and only if, the change commits.
	 */
	void evict(CacheRegion region, String key);

}
