package dev.cairn.web;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class WebPurges {

	/**
	 * Idempotency keys past their 24 hours (idempotency_keys_expires_at_idx). Expired
	 * keys already count as absent; this reclaims the space.
	 */
	@Bean
	RecurringTask<Void> purgeExpiredIdempotencyKeys(JdbcClient jdbc) {
		return Purge.job("purge-expired-idempotency-keys", Duration.ofHours(1), jdbc, """
				DELETE FROM idempotency_keys WHERE ctid IN (
				    SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT :batch)
				""", Map.of());
	}

}
