package dev.cairn.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook as the API shows it.
 *
 * @param secret the signing secret: present only in the answer that created or rotated it
 */
@Schema(name = "Webhook")
record WebhookResponse(UUID id, UUID projectId, String url, List<String> events, boolean enabled, String disabledReason,
		Instant disabledAt, Instant secretRotatedAt, Instant createdAt, Instant updatedAt, long version,
		@JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

	static WebhookResponse of(Webhook webhook) {
		return new WebhookResponse(webhook.id(), webhook.projectId(), webhook.url(), webhook.events(),
				webhook.enabled(), webhook.disabledReason(), webhook.disabledAt(), webhook.secretRotatedAt(),
				webhook.createdAt(), webhook.updatedAt(), webhook.version(), null);
	}

	static WebhookResponse of(Webhook.WithSecret created) {
		Webhook webhook = created.webhook();
		return new WebhookResponse(webhook.id(), webhook.projectId(), webhook.url(), webhook.events(),
				webhook.enabled(), webhook.disabledReason(), webhook.disabledAt(), webhook.secretRotatedAt(),
				webhook.createdAt(), webhook.updatedAt(), webhook.version(), created.secret());
	}

	@Override
	public String toString() {
		return "WebhookResponse[id=" + this.id + ", (url and secret redacted)]";
	}

}
