package dev.cairn.platform.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.MeterRegistry;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the caches: none when turned off, Redis when {@code CAIRN_REDIS_URL} is set,
 * else in memory. Boot's own Redis auto-configuration is off (application.yaml): it would
 * connect to localhost when no Redis is configured.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

	static final String REDIS_CONFIGURED = "!'${cairn.redis.url:}'.isBlank()";

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
	@ConditionalOnExpression(REDIS_CONFIGURED)
	LettuceConnectionFactory redisConnectionFactory(RedisSettings settings) {
		RedisURI uri = RedisURI.create(settings.url());
		// Fail at once while disconnected instead of queueing commands: the caller falls
		// back to the database or to local counting.
		ClientOptions options = ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
			.build();
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(settings.timeout())
			.clientOptions(options);
		if (uri.isSsl()) {
			client.useSsl();
		}
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
	}

	@Bean
	@ConditionalOnExpression(REDIS_CONFIGURED)
	RedisAvailability redisAvailability(RedisSettings settings, MeterRegistry meters) {
		return new RedisAvailability(settings.retryInterval(), meters);
	}

	@Bean
	@ConditionalOnExpression(REDIS_CONFIGURED)
	RedisCacheManager redisCacheManager(LettuceConnectionFactory connections, RedisSettings settings) {
		RedisCacheConfiguration base = RedisCacheConfiguration.defaultCacheConfig()
			.prefixCacheNameWith(settings.keyPrefix())
			.serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.string()))
			.disableCachingNullValues();
		Map<String, RedisCacheConfiguration> regions = new HashMap<>();
		for (CacheRegion region : CacheRegion.values()) {
			regions.put(region.cacheName(), base.entryTtl(region.timeToLive()));
		}
		// SCAN, not KEYS, when the caches are emptied after an outage.
		return RedisCacheManager
			.builder(RedisCacheWriter.nonLockingRedisCacheWriter(connections, BatchStrategies.scan(1000)))
			.withInitialCacheConfigurations(regions)
			.disableCreateOnMissingCache()
			.build();
	}

}
