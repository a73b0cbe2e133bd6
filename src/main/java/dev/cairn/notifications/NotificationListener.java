package dev.cairn.notifications;

import dev.cairn.activity.ActivityRecorded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears every committed change, after its commit, through the event publication registry:
 * at least once, on a thread of its own, in a transaction of its own.
 */
@Component
class NotificationListener {

	private final EventNotifications notifications;

	NotificationListener(EventNotifications notifications) {
		this.notifications = notifications;
	}

	// Checked before the outbox row is written: events that cannot notify anyone (not
	// about a task or a comment) cost no row.
	@ApplicationModuleListener(condition = "@eventNotifications.concerns(#event)")
	void on(ActivityRecorded event) {
		this.notifications.handle(event);
	}

}
