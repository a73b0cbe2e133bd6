package dev.cairn.platform.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis that nodes share caches and rate limits through, when there is one
 * (docs/operations.md).
 *
 * @param url Redis shared by all nodes, for example redis://:password@host:6379/0; unset,
 * caches stay in each node's memory and rate limits count per node.
 * @param keyPrefix The start of every key Cairn writes, so that several installations can
 * share one Redis.
 * @param timeout How long one command may take before Redis counts as unreachable.
 * @param retryInterval After a failure, how long Redis is left alone before it is tried
 * again.
 * @param evictionHold How long an evicted cache entry stays uncacheable, so that a lookup
 * that read the database before the change cannot store the old value after it; longer
 * than the timeout by a wide margin.
 */
@ConfigurationProperties("cairn.redis")
public record RedisSettings(String url, @DefaultValue("cairn:") String keyPrefix,
		@DefaultValue("250ms") Duration timeout, @DefaultValue("5s") Duration retryInterval,
		@DefaultValue("5s") Duration evictionHold) {

}
