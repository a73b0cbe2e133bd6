package dev.cairn.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent (or being sent) to one webhook, as the delivery log shows it.
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed} (all retries spent)
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param responseStatus the HTTP status of the last attempt, if it got an answer
 * @param responseBody the first 4 KiB of that answer
 * @param error why the last attempt got no answer (refused, timed out, forbidden address)
 * @param durationMs how long the last attempt took
 */
public record Delivery(UUID id, UUID webhookId, UUID eventId, String eventType, String status, int attempts,
		Instant nextAttemptAt, Instant lastAttemptAt, Integer responseStatus, String responseBody, String error,
		Integer durationMs, Instant createdAt) {

}
