package dev.cairn.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import dev.cairn.platform.RateLimits.Budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's rate limits (docs/api.md, Rate limits). Each budget is a capacity of requests
 * refilled smoothly over a period. A budget is a record of its own only so that each can
 * state its defaults.
 *
 * @param enabled Whether API requests are rate limited.
 * @param anonymous Requests per client address, without credentials.
 * @param authenticated Requests per user for signed-in sessions, per token for personal
 * access tokens.
 * @param search Full-text searches per caller, on top of the general budget.
 */
@Validated
@ConfigurationProperties("cairn.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue @Valid Anonymous anonymous,
		@DefaultValue @Valid Authenticated authenticated, @DefaultValue @Valid Search search) {

	/**
	 * @param capacity Requests allowed at once, refilled over the period.
	 * @param period How long the capacity takes to refill.
	 */
	record Anonymous(@DefaultValue("300") @Positive long capacity, @DefaultValue("1m") @NotNull Duration period) {

		Budget budget() {
			return new Budget(this.capacity, this.period);
		}

	}

	/**
	 * @param capacity Requests allowed at once, refilled over the period.
	 * @param period How long the capacity takes to refill.
	 */
	record Authenticated(@DefaultValue("2000") @Positive long capacity, @DefaultValue("1m") @NotNull Duration period) {

		Budget budget() {
			return new Budget(this.capacity, this.period);
		}

	}

	/**
	 * @param capacity Searches allowed at once, refilled over the period.
	 * @param period How long the capacity takes to refill.
	 */
	record Search(@DefaultValue("120") @Positive long capacity, @DefaultValue("1m") @NotNull Duration period) {

		Budget budget() {
			return new Budget(this.capacity, this.period);
		}

	}

}
