package dev.cairn.webhooks;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.activity.EventTypes;
import dev.cairn.projects.ProjectEvent;

/**
 * The event types a webhook can subscribe to, and how a subscription matches: an exact
 * type ({@code task.created}), every type of a resource ({@code task.*}), or everything
 * ({@code *}). Every event record is deliverable but two kinds the activity log keeps for
 * itself: a project's creation (no webhook exists before it) and what happens to webhooks
 * (an audit of where the events go; the ping is sent to its one webhook).
 */
final class Subscriptions {

	static final String PING = EventTypes.nameOf(WebhookEvent.WebhookPinged.class);

	static final Set<String> DELIVERABLE = EventTypes.all()
		.stream()
		.filter((type) -> type != ProjectEvent.ProjectCreated.class && !WebhookEvent.class.isAssignableFrom(type))
		.map(EventTypes::nameOf)
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> RESOURCES = DELIVERABLE.stream()
		.map(Subscriptions::resourceOf)
		.collect(Collectors.toUnmodifiableSet());

	private Subscriptions() {
	}

	/** Whether a client may subscribe to this entry. */
	static boolean isSubscribable(String entry) {
		if ("*".equals(entry) || DELIVERABLE.contains(entry)) {
			return true;
		}
		return entry.endsWith(".*") && RESOURCES.contains(entry.substring(0, entry.length() - 2));
	}

	/**
	 * The subscription entries that select this type: itself, its resource's, and all.
	 */
	static List<String> selectors(String type) {
		return List.of(type, resourceOf(type) + ".*", "*");
	}

	private static String resourceOf(String type) {
		return type.substring(0, type.indexOf('.'));
	}

}
