package dev.cairn.web;

import java.text.Normalizer;
import java.util.Locale;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.RateLimits.Decision;

import org.springframework.stereotype.Component;

/**
 * Limits on attempts that guess or spam (sign-in, registration, refresh, password reset,
 * second factors), per rule and key (a client address or an account). The buckets are the
 * API rate limits' ({@link RateLimits}): shared by all nodes through Redis when it is
 * configured.
 */
@Component
public class Throttle {

	private final ThrottleSettings settings;

	private final RateLimits limits;

	Throttle(ThrottleSettings settings, RateLimits limits) {
		this.settings = settings;
		this.limits = limits;
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
		Decision decision = this.limits.take("throttle:" + rule.key() + ":" + fold(key),
				this.settings.limits().get(rule.key()));
		if (!decision.allowed()) {
			throw new RateLimited(RateLimited.seconds(decision.untilNext()));
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
		SECOND_FACTOR_ACCOUNT("second-factor-account"), PASSWORD_CHECK_ACCOUNT("password-check-account"),
		INVITATIONS_INVITER("invitations-inviter");

		private final String key;

		Rule(String key) {
			this.key = key;
		}

		String key() {
			return this.key;
		}

	}

}
