package dev.cairn.webhooks;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are delivered (docs/webhooks.md, docs/operations.md).
 *
 * @param retryDelays The wait before each retry after a failed attempt (each stretched or
 * shrunk by up to 20% at random); a delivery that fails them all has failed.
 * @param allowedHosts Host names and addresses or CIDR ranges that may be delivered to
 * although they are private (an internal service).
 * @param connectTimeout The longest wait for a connection.
 * @param timeout The longest a whole attempt may take.
 * @param concurrencyPerWebhook Attempts in flight to one webhook from one node: a slow
 * receiver holds at most this many of the node's delivery threads.
 * @param maxInFlight Attempts in flight on one node, all webhooks together; keep it below
 * cairn.jobs.threads so other jobs always find a thread.
 * @param secretOverlap How long a rotated-out secret keeps signing next to the new one.
 * @param maxPerProject Webhooks a project may have.
 */
@Validated
@ConfigurationProperties("cairn.webhooks")
record WebhookSettings(@DefaultValue( {
		"5s", "30s", "2m", "10m", "30m", "1h", "2h", "4h", "8h", "8h" }) @NotEmpty @Size(
				max = 20) List<Duration> retryDelays,
		@DefaultValue({}) List<String> allowedHosts, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration timeout, @DefaultValue("4") @Min(1) @Max(64) int concurrencyPerWebhook,
		@DefaultValue("12") @Min(1) @Max(1024) int maxInFlight, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("20") @Min(1) @Max(1000) int maxPerProject){

}
