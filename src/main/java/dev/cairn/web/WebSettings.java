package dev.cairn.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits every request shares.
 *
 * @param maxBodySize The largest request body accepted, JSON or otherwise (form and
 * multipart bodies included); a larger one is 413, whether it declares its length or is
 * sent in chunks.
 * @param idempotencyLease How long an Idempotency-Key stays claimed by a request that
 * neither finished nor failed; after it, the claim is taken for that of a node that died,
 * and a retry runs the request. Longer than any request takes, shorter than a client
 * keeps retrying.
 * @param trustedProxies The reverse proxies (addresses or CIDR ranges, comma-separated)
 * whose X-Forwarded-For, -Proto, -Host and -Port are believed; nobody's by default. Set
 * by CAIRN_TRUSTED_PROXIES.
 */
@Validated
@ConfigurationProperties("cairn.web")
record WebSettings(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
		@NotNull @DefaultValue("2m") Duration idempotencyLease, @DefaultValue List<String> trustedProxies) {

	WebSettings {
		if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("cairn.web.max-body-size must be positive");
		}
		if (idempotencyLease != null && (idempotencyLease.isNegative() || idempotencyLease.isZero())) {
			throw new IllegalArgumentException("cairn.web.idempotency-lease must be positive");
		}
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		try {
			TrustedProxies.regex(trustedProxies);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cairn.web.trusted-proxies (CAIRN_TRUSTED_PROXIES): " + ex.getMessage());
		}
	}

	/** The body limit as Tomcat's {@code maxPostSize} takes it. */
	int maxBodySizeAsInt() {
		return (int) Math.min(this.maxBodySize.toBytes(), Integer.MAX_VALUE);
	}

	/**
	 * The trusted proxies as Tomcat's {@code RemoteIpValve} takes them; null for none.
	 */
	String trustedProxiesRegex() {
		return TrustedProxies.regex(this.trustedProxies);
	}

}
