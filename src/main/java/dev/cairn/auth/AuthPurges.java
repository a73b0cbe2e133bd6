package dev.cairn.auth;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AuthPurges {

	/**
	 * Refresh tokens past their expiry (refresh_tokens_expires_at_idx). A spent token
	 * stays until then: presenting it again is how a stolen family is detected.
	 */
	@Bean
	RecurringTask<Void> purgeExpiredRefreshTokens(JdbcClient jdbc) {
		return Purge.job("purge-expired-refresh-tokens", Duration.ofHours(1), jdbc, """
				DELETE FROM refresh_tokens WHERE id IN (
				    SELECT id FROM refresh_tokens WHERE expires_at < now() LIMIT :batch)
				""", Map.of());
	}

}
