package dev.cairn.webhooks;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.Patch;

/**
 * What a caller asks of a project's webhooks, whatever face it comes through, each record
 * checked for shape when built (lengths, event types, the secret's form), so that every
 * face gets the same rules. Whether the URL reaches a public address is a rule of
 * {@link Webhooks}: it asks the DNS.
 */
public final class WebhookCommands {

	static final int MAX_URL_LENGTH = 2048;

	static final int MAX_EVENTS = 64;

	static final int MAX_EVENT_LENGTH = 64;

	private WebhookCommands() {
	}

	/**
	 * A URL to subscribe to event types.
	 *
	 * @param events event types as {@code task.created}, {@code task.*} or {@code *};
	 * kept stripped and without repeats
	 * @param secret the signing secret, or null for a new one
	 */
	public record CreateWebhook(String url, List<String> events, String secret) {

		public CreateWebhook {
			List<FieldError> errors = new ArrayList<>();
			if (url == null || url.isBlank() || length(url) > MAX_URL_LENGTH) {
				errors.add(new FieldError("url", "must be a URL of at most " + MAX_URL_LENGTH + " characters"));
			}
			events = subscribable(events, errors);
			if (secret != null && !WebhookSecret.isWellFormed(secret)) {
				errors.add(new FieldError("secret",
						"must be whsec_ followed by 24 to 64 bytes in base64; leave it out to get one"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
		}

		@Override
		public String toString() {
			return "CreateWebhook[events=" + this.events + ", (url and secret redacted)]";
		}

	}

	/**
	 * A change to a webhook: none of its fields can be cleared. Turning it on clears why
	 * Cairn turned it off.
	 */
	public record WebhookPatch(Patch<String> url, Patch<List<String>> events, Patch<Boolean> enabled) {

		public WebhookPatch {
			List<FieldError> errors = new ArrayList<>();
			if (url instanceof Patch.Cleared) {
				errors.add(new FieldError("url", "must not be null"));
			}
			if (url instanceof Patch.Set<String> set && length(set.value()) > MAX_URL_LENGTH) {
				errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
			}
			if (events instanceof Patch.Cleared) {
				errors.add(new FieldError("events", "must be a list of 1 to " + MAX_EVENTS + " strings"));
			}
			if (events instanceof Patch.Set<List<String>> set) {
				events = Patch.of(subscribable(set.value(), errors));
			}
			if (enabled instanceof Patch.Cleared) {
				errors.add(new FieldError("enabled", "must be true or false"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
		}

		@Override
		public String toString() {
			return "WebhookPatch[events=" + this.events + ", enabled=" + this.enabled + ", (url redacted)]";
		}

	}

	/**
	 * The entries stripped and without repeats; the first one that is no event type is
	 * named.
	 */
	private static List<String> subscribable(List<String> events, List<FieldError> errors) {
		if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
			errors.add(new FieldError("events", "must be a list of 1 to " + MAX_EVENTS + " strings"));
			return events;
		}
		if (events.stream().anyMatch((entry) -> entry == null || entry.isBlank() || length(entry) > MAX_EVENT_LENGTH)) {
			errors.add(new FieldError("events",
					"must hold non-blank strings of at most " + MAX_EVENT_LENGTH + " characters"));
			return events;
		}
		List<String> distinct = events.stream().map(String::strip).distinct().toList();
		distinct.stream()
			.filter((entry) -> !Subscriptions.isSubscribable(entry))
			.findFirst()
			.ifPresent((entry) -> errors.add(new FieldError("events", "'" + entry
					+ "' is not an event type: use a type such as task.created, all of a resource such as task.*, or *")));
		return distinct;
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
