package dev.cairn.platform.ratelimit;

import io.lettuce.core.RedisClient;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.redis.RedisAvailability;
import dev.cairn.platform.redis.RedisSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits in Redis when {@code CAIRN_REDIS_URL} is set, else in memory. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimits rateLimits(ObjectProvider<RedisClient> client, ObjectProvider<RedisAvailability> redis,
			RedisSettings settings) {
		RedisClient redisClient = client.getIfAvailable();
		if (redisClient == null) {
			return new LocalRateLimits();
		}
		return new RedisRateLimits(redisClient, redis.getObject(), settings.keyPrefix(), settings.timeout());
	}

}
