/**
 * The implementations behind {@link dev.cairn.platform.Caches}: in memory with eviction
 * through PostgreSQL, or in Redis.
 */
package dev.cairn.platform.cache;
