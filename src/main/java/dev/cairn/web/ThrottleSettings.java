package dev.cairn.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cairn.platform.RateLimits.Budget;
import dev.cairn.web.Throttle.Rule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the attempts that guess or spam: sign-in, registration, refresh, password
 * reset, second factors, invitations. Each rule allows a capacity of attempts per period,
 * refilled smoothly; its default is the rule's own ({@link Rule}, docs/security.md).
 *
 * @param enabled Whether sign-in, registration, password reset and invitations are
 * throttled.
 * @param limits Changes to the default limits, by rule name (login-ip, login-account,
 * register-ip, refresh-ip, password-reset-ip, password-reset-account,
 * second-factor-account, password-check-account, invitations-inviter); a capacity or a
 * period left out keeps its default. As environment variables the name loses its dashes:
 * CAIRN_THROTTLE_LIMITS_LOGINACCOUNT_CAPACITY.
 */
@ConfigurationProperties("cairn.throttle")
record ThrottleSettings(@DefaultValue("true") boolean enabled, @DefaultValue Map<String, Limit> limits) {

	ThrottleSettings {
		limits = (limits != null) ? Map.copyOf(limits) : Map.of();
		for (Map.Entry<String, Limit> limit : limits.entrySet()) {
			if (rule(limit.getKey()) == null) {
				throw new IllegalArgumentException(
						"cairn.throttle.limits." + limit.getKey() + " is no rule; the rules are "
								+ Arrays.stream(Rule.values()).map(Rule::key).collect(Collectors.joining(", ")));
			}
			limit.getValue().check("cairn.throttle.limits." + limit.getKey());
		}
	}

	/** The rule's budget: its default, with what the settings change. */
	Budget budget(Rule rule) {
		Budget budget = rule.defaultBudget();
		for (Map.Entry<String, Limit> limit : this.limits.entrySet()) {
			if (rule(limit.getKey()) == rule) {
				Limit change = limit.getValue();
				budget = new Budget((change.capacity() != null) ? change.capacity() : budget.capacity(),
						(change.period() != null) ? change.period() : budget.period());
			}
		}
		return budget;
	}

	// An environment variable cannot carry the dash:
	// CAIRN_THROTTLE_LIMITS_LOGINACCOUNT_...
	// arrives as "loginaccount".
	private static Rule rule(String name) {
		String folded = name.replace("-", "").toLowerCase(Locale.ROOT);
		return Arrays.stream(Rule.values())
			.filter((rule) -> rule.key().replace("-", "").equals(folded))
			.findFirst()
			.orElse(null);
	}

	/**
	 * @param capacity Attempts allowed at once, refilled over the period.
	 * @param period How long the capacity takes to refill.
	 */
	record Limit(Long capacity, Duration period) {

		void check(String name) {
			if (this.capacity != null && this.capacity <= 0) {
				throw new IllegalArgumentException(name + ".capacity must be positive");
			}
			if (this.period != null && (this.period.isNegative() || this.period.isZero())) {
				throw new IllegalArgumentException(name + ".period must be positive");
			}
		}

	}

}
