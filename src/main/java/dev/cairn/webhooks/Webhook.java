package dev.cairn.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription of a URL to event types. The signing secret is not part of it: it is
 * shown once, in {@link WithSecret}.
 *
 * @param events the subscription entries ({@code task.created}, {@code task.*},
 * {@code *})
 * @param disabledReason why Cairn turned the webhook off, if it did
 */
public record Webhook(UUID id, UUID projectId, String url, List<String> events, boolean enabled, String disabledReason,
		Instant disabledAt, Instant secretRotatedAt, Instant createdAt, Instant updatedAt, long version) {

	/**
	 * A webhook with the signing secret it was just given, which no later read shows.
	 */
	public record WithSecret(Webhook webhook, String secret) {

		@Override
		public String toString() {
			return "WithSecret[webhook=" + this.webhook.id() + ", secret=(redacted)]";
		}

	}

}
