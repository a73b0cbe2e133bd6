package dev.cairn.platform.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;
import dev.cairn.platform.redis.RedisAvailability;
import dev.cairn.platform.redis.RedisConfiguration;
import dev.cairn.platform.redis.RedisSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the caches: none when turned off, Redis when {@code CAIRN_REDIS_URL} is set,
 * else in memory.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

	@Bean
	Caches caches(CacheSettings settings, JdbcClient jdbc, DataSource dataSource, MeterRegistry meters,
			ObjectProvider<RedisCacheManager> redisCaches, ObjectProvider<RedisAvailability> redis) {
		CacheMeters cacheMeters = new CacheMeters(meters);
		if (!settings.enabled()) {
			return new UncachedCaches();
		}
		if (redisCaches.getIfAvailable() != null) {
			return new RedisCaches(redisCaches.getObject(), redis.getObject(), cacheMeters);
		}
		return new LocalCaches(jdbc, () -> listenerConnection(dataSource), settings, cacheMeters);
	}

	// Not one of the pool's: it is held for as long as the node runs.
	private static Connection listenerConnection(DataSource pool) throws SQLException {
		HikariDataSource dataSource = pool.unwrap(HikariDataSource.class);
		Properties properties = new Properties();
		if (dataSource.getUsername() != null) {
			properties.setProperty("user", dataSource.getUsername());
		}
		if (dataSource.getPassword() != null) {
			properties.setProperty("password", dataSource.getPassword());
		}
		properties.setProperty("ApplicationName", "cairn cache evictions");
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
	}

	@Bean
	@ConditionalOnExpression(RedisConfiguration.CONFIGURED)
	RedisCacheManager redisCacheManager(RedisConnectionFactory connections, RedisSettings settings) {
		RedisCacheConfiguration base = RedisCacheConfiguration.defaultCacheConfig()
			.prefixCacheNameWith(settings.keyPrefix())
			.serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.string()))
			.disableCachingNullValues();
		Map<String, RedisCacheConfiguration> regions = new HashMap<>();
		for (CacheRegion region : CacheRegion.values()) {
			// An eviction's tombstone lives seconds; a value, the region's time to live.
			regions.put(region.cacheName(), base.entryTtl((key, value) -> RedisCaches.TOMBSTONE.equals(value)
					? settings.evictionHold() : region.timeToLive()));
		}
		// SCAN, not KEYS, when the caches are emptied after an outage.
		return RedisCacheManager
			.builder(RedisCacheWriter.nonLockingRedisCacheWriter(connections, BatchStrategies.scan(1000)))
			.withInitialCacheConfigurations(regions)
			.disableCreateOnMissingCache()
			.build();
	}

}
