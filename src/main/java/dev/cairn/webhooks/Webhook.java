package dev.cairn.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription of a URL to event types, as the API shows it.
 *
 * @param secret the signing secret: present only in the answer that created or rotated it
 * @param disabledReason why Cairn turned the webhook off, if it did
 */
record Webhook(UUID id, UUID projectId, String url, List<String> events, boolean enabled, String disabledReason,
		Instant disabledAt, Instant secretRotatedAt, Instant createdAt, Instant updatedAt, long version,
		@JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

	Webhook withSecret(String secret) {
		return new Webhook(this.id, this.projectId, this.url, this.events, this.enabled, this.disabledReason,
				this.disabledAt, this.secretRotatedAt, this.createdAt, this.updatedAt, this.version, secret);
	}

}
