package dev.cairn.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.cairn.platform.RateLimits.Budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's rate limits (docs/api.md, Rate limits). Each budget is a capacity of requests
 * refilled over a period; set one with for example
 * {@code CAIRN_RATE_LIMIT_AUTHENTICATED_CAPACITY=5000} (application.yaml).
 *
 * @param enabled {@code CAIRN_RATE_LIMIT_ENABLED}
 * @param anonymous per client address, for requests without credentials
 * @param authenticated per user for signed-in sessions, per token for personal access
 * tokens
 * @param search per caller (as above), for full-text searches, on top of the general
 * budget
 */
@Validated
@ConfigurationProperties("cairn.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @NotNull @Valid Budget anonymous,
		@NotNull @Valid Budget authenticated, @NotNull @Valid Budget search) {

}
