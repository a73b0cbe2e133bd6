package dev.cairn.platform.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node caches (docs/operations.md).
 *
 * @param enabled Whether lookups are cached; off, every lookup reads the database.
 * @param heartbeat How often the eviction channel to PostgreSQL proves it is alive; the
 * in-memory caches are bypassed when it has not for three heartbeats.
 */
@ConfigurationProperties("cairn.cache")
record CacheSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration heartbeat) {

}
