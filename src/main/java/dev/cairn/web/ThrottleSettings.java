package dev.cairn.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.cairn.platform.RateLimits.Budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the attempts that guess or spam: sign-in, registration, refresh, password
 * reset. Each rule allows {@code capacity} attempts per {@code period}, refilled
 * smoothly.
 *
 * @param enabled {@code CAIRN_THROTTLE_ENABLED}
 * @param limits rules by name (see {@link Throttle.Rule}); set one with for example
 * {@code CAIRN_THROTTLE_LIMITS_LOGINACCOUNT_CAPACITY=5}
 */
@Validated
@ConfigurationProperties("cairn.throttle")
record ThrottleSettings(@DefaultValue("true") boolean enabled, @NotNull Map<String, @Valid Budget> limits) {

}
