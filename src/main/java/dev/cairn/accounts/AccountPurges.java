package dev.cairn.accounts;

import java.time.Duration;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.cairn.platform.Purge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AccountPurges {

	/**
	 * Verification and reset links past their expiry (one_time_tokens_expires_at_idx).
	 */
	@Bean
	RecurringTask<Void> purgeExpiredLinkTokens(JdbcClient jdbc) {
		return Purge.job("purge-expired-link-tokens", Duration.ofHours(1), jdbc, """
				DELETE FROM one_time_tokens WHERE id IN (
				    SELECT id FROM one_time_tokens WHERE expires_at < now() LIMIT :batch)
				""", Map.of());
	}

}
