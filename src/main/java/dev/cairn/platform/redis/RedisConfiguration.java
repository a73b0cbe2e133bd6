package dev.cairn.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The connection to Redis when {@code CAIRN_REDIS_URL} is set. Boot's own Redis
 * auto-configuration is off (application.yaml): it would connect to localhost when no
 * Redis is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(RedisConfiguration.CONFIGURED)
public class RedisConfiguration {

	/** For {@code @ConditionalOnExpression}: whether a Redis is configured. */
	public static final String CONFIGURED = "!'${cairn.redis.url:}'.isBlank()";

	@Bean
	LettuceConnectionFactory redisConnectionFactory(RedisSettings settings) {
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri(settings)),
				clientConfiguration(settings));
	}

	/** Lettuce itself, for Bucket4j: the same URL and options as Spring's connections. */
	@Bean(destroyMethod = "shutdown")
	RedisClient redisClient(RedisSettings settings) {
		RedisClient client = RedisClient.create(uri(settings));
		client.setOptions(options(settings));
		return client;
	}

	/** Named so that the health component is {@code redis}. */
	@Bean
	RedisHealth redisHealthIndicator(LettuceConnectionFactory connections) {
		return new RedisHealth(connections);
	}

	@Bean
	RedisWarmUp redisWarmUp(LettuceConnectionFactory connections, RedisAvailability redis) {
		return new RedisWarmUp(connections, redis);
	}

	@Bean
	RedisAvailability redisAvailability(RedisSettings settings, MeterRegistry meters) {
		return new RedisAvailability(settings.retryInterval(), meters);
	}

	private static RedisURI uri(RedisSettings settings) {
		RedisURI uri = RedisURI.create(settings.url());
		uri.setTimeout(settings.timeout());
		return uri;
	}

	// Fail at once while disconnected instead of queueing commands: the caller falls back
	// to the database or to counting on this node.
	private static ClientOptions options(RedisSettings settings) {
		return ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
			.build();
	}

	private static LettuceClientConfiguration clientConfiguration(RedisSettings settings) {
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(settings.timeout())
			.clientOptions(options(settings));
		if (uri(settings).isSsl()) {
			client.useSsl();
		}
		return client.build();
	}

}
