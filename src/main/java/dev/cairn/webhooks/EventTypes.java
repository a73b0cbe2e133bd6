package dev.cairn.webhooks;

import java.util.List;
import java.util.Set;

/**
 * The event types a webhook can subscribe to, and how a subscription matches: an exact
 * type ({@code task.created}), every type of a resource ({@code task.*}), or everything
 * ({@code *}). The activity log also records events no webhook receives (a project's
 * creation comes before any webhook; webhook changes are audit only).
 */
final class EventTypes {

	static final String PING = "webhook.ping";

	static final Set<String> DELIVERABLE = Set.of("project.updated", "project.deleted", "project.restored",
			"member.added", "member.removed", "member.role_changed", "task.created", "task.updated", "task.moved",
			"task.deleted", "task.restored", "comment.created", "comment.updated", "comment.deleted", "label.created",
			"label.updated", "label.deleted", "status.created", "status.updated", "status.deleted", "field.created",
			"field.updated", "field.deleted");

	private static final Set<String> RESOURCES = Set.of("project", "member", "task", "comment", "label", "status",
			"field");

	private EventTypes() {
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
		return List.of(type, type.substring(0, type.indexOf('.')) + ".*", "*");
	}

}
