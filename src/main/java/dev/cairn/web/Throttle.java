package dev.cairn.web;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;

import dev.cairn.platform.RateLimits;
import dev.cairn.platform.RateLimits.Budget;
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
	}

	/**
	 * Counts one attempt.
	 * @throws RateLimited when the rule's budget for this key is spent
	 */
	public void attempt(Rule rule, String key) {
		if (!this.settings.enabled() || key == null) {
			return;
		}
		Decision decision = this.limits.take("throttle:" + rule.key() + ":" + fold(key), this.settings.budget(rule));
		if (!decision.allowed()) {
			throw new RateLimited(RateLimited.seconds(decision.untilNext()));
		}
	}

	// Lookalike spellings of one address (Alice@, alice@, a dotted capital I for an
	// i) must share one budget, as the database's case-insensitive lookup treats them
	// as one account.
	private static String fold(String key) {
		String decomposed = Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT);
	}

	/**
	 * The throttled actions, each with its key in {@code cairn.throttle.limits} and its
	 * default budget (docs/security.md lists them; ThrottleSettingsTests checks that it
	 * agrees).
	 */
	public enum Rule {

		LOGIN_IP("login-ip", 30, Duration.ofMinutes(1)), LOGIN_ACCOUNT("login-account", 10, Duration.ofMinutes(15)),
		REGISTER_IP("register-ip", 10, Duration.ofHours(1)), REFRESH_IP("refresh-ip", 120, Duration.ofMinutes(1)),
		PASSWORD_RESET_IP("password-reset-ip", 10, Duration.ofMinutes(15)),
		PASSWORD_RESET_ACCOUNT("password-reset-account", 3, Duration.ofHours(1)),
		SECOND_FACTOR_ACCOUNT("second-factor-account", 10, Duration.ofMinutes(15)),
		PASSWORD_CHECK_ACCOUNT("password-check-account", 10, Duration.ofMinutes(15)),
		// Invitations by email one account may send: each may mail someone.
		INVITATIONS_INVITER("invitations-inviter", 50, Duration.ofDays(1));

		private final String key;

		private final Budget defaultBudget;

		Rule(String key, long capacity, Duration period) {
			this.key = key;
			this.defaultBudget = new Budget(capacity, period);
		}

		String key() {
			return this.key;
		}

		Budget defaultBudget() {
			return this.defaultBudget;
		}

	}

}
