package dev.cairn.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits every request shares.
 *
 * @param maxBodySize {@code CAIRN_WEB_MAX_BODY_SIZE}: the largest request body accepted;
 * a larger one is 413, whether it declares its length or is sent in chunks
 * @param idempotencyLease {@code CAIRN_WEB_IDEMPOTENCY_LEASE}: how long an
 * {@code Idempotency-Key} stays claimed by a request that neither finished nor failed;
 * after it, the claim is taken for that of a node that died, and a retry runs the request
 * (longer than any request takes, shorter than a client keeps retrying)
 */
@Validated
@ConfigurationProperties("cairn.web")
record WebSettings(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
		@NotNull @DefaultValue("2m") Duration idempotencyLease) {

	WebSettings {
		if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("cairn.web.max-body-size must be positive");
		}
		if (idempotencyLease != null && (idempotencyLease.isNegative() || idempotencyLease.isZero())) {
			throw new IllegalArgumentException("cairn.web.idempotency-lease must be positive");
		}
	}

}
