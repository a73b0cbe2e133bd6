package dev.cairn.web;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per rule and key (an IP address or an account), held in memory
 * on this node. The general API rate limiter, shared across nodes through Redis, replaces
 * the storage later; the rules stay.
 */
@Component
public class Throttle {

	private final ThrottleSettings settings;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	Throttle(ThrottleSettings settings) {
		this.settings = settings;
		for (Rule rule : Rule.values()) {
			if (!settings.limits().containsKey(rule.key())) {
				throw new IllegalStateException("No limit configured for cairn.throttle.limits." + rule.key());
			}
		}
	}

	/**
	 * Counts one attempt.
	 * @throws RateLimited when the rule's budget for this key is spent
	 */
	public void attempt(Rule rule, String key) {
		if (!this.settings.enabled() || key == null) {
			return;
		}
		ThrottleSettings.Limit limit = this.settings.limits().get(rule.key());
		Bucket bucket = this.buckets.get(rule.key() + ":" + fold(key),
				(name) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.capacity())
						.refillGreedy(limit.capacity(), limit.period())
						.build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RateLimited(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
		}
	}

	// Lookalike spellings of one address (Alice@, alice@, a dotted capital I for an i)
	// must
	// share one budget, as the database's case-insensitive lookup treats them as one
	// account.
	private static String fold(String key) {
		String decomposed = Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT);
	}

	/** The throttled actions, each with its key in {@code cairn.throttle.limits}. */
	public enum Rule {

		LOGIN_IP("login-ip"), LOGIN_ACCOUNT("login-account"), REGISTER_IP("register-ip"), REFRESH_IP("refresh-ip"),
		PASSWORD_RESET_IP("password-reset-ip"), PASSWORD_RESET_ACCOUNT("password-reset-account"),
		SECOND_FACTOR_ACCOUNT("second-factor-account"), PASSWORD_CHECK_ACCOUNT("password-check-account");

		private final String key;

		Rule(String key) {
			this.key = key;
		}

		String key() {
			return this.key;
		}

	}

}
