/**
 * The implementations behind {@link dev.cairn.platform.RateLimits}: buckets in memory, or
 * in Redis with memory as the fallback.
 */
package dev.cairn.platform.ratelimit;
