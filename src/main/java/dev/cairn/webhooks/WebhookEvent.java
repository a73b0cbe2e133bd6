package dev.cairn.webhooks;

import java.util.List;
import java.util.UUID;

import dev.cairn.activity.DomainEvent;
import dev.cairn.activity.EventName;

/**
 * What happens to a project's webhooks: in the activity feed (an audit of who sent the
 * project's events where), never delivered to webhooks themselves, but for the ping a
 * webhook asks for.
 */
public sealed interface WebhookEvent extends DomainEvent {

	record WebhookCreated(UUID projectId, UUID actorId, Subscription after) implements WebhookEvent {
	}

	/**
	 * The URL itself is not in the log (it may hold a token): only whether it changed.
	 */
	record WebhookUpdated(UUID projectId, UUID actorId, Settings after, boolean urlChanged) implements WebhookEvent {
	}

	record WebhookDeleted(UUID projectId, UUID actorId, Subscription before) implements WebhookEvent {
	}

	record WebhookSecretRotated(UUID projectId, UUID actorId, Ref after) implements WebhookEvent {
	}

	/** Cairn turned the webhook off after a day of failed deliveries: no actor. */
	record WebhookDisabled(UUID projectId, UUID actorId, Disabled after) implements WebhookEvent {

		WebhookDisabled(UUID projectId, UUID webhookId) {
			this(projectId, null, new Disabled(webhookId, "sustained failure"));
		}

	}

	/**
	 * A test delivery the webhook's admin asked for: the one event sent to a single
	 * webhook.
	 */
	@EventName("webhook.ping")
	record WebhookPinged(UUID projectId, UUID actorId, Ref after) implements WebhookEvent {
	}

	record Subscription(UUID webhookId, List<String> events) {
	}

	record Settings(UUID webhookId, List<String> events, boolean enabled) {
	}

	record Ref(UUID webhookId) {
	}

	record Disabled(UUID webhookId, String reason) {
	}

}
