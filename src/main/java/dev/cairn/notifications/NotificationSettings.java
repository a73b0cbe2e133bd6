package dev.cairn.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the notification jobs run, and how long an unsubscribe link works
 * (docs/operations.md). Times of day are each recipient's own, in the time zone of their
 * profile (UTC when they set none).
 *
 * @param dueReminderInterval How often one node looks for open tasks whose assignee is
 * due a reminder.
 * @param dueReminderTime From when (HH:MM, the assignee's clock) on the day before the
 * due date an assignee is reminded.
 * @param digestTime When (HH:MM, each subscriber's clock) the daily digest goes out.
 * @param unsubscribeLinkTtl How long the unsubscribe link of a mail works without signing
 * in (docs/security.md).
 */
@ConfigurationProperties("cairn.notifications")
record NotificationSettings(@DefaultValue("15m") Duration dueReminderInterval,
		@DefaultValue("09:00") LocalTime dueReminderTime, @DefaultValue("07:00") LocalTime digestTime,
		@DefaultValue("180d") Duration unsubscribeLinkTtl) {

	NotificationSettings {
		// Zero or less would expire every link as it is mailed, and say nothing.
		requirePositive(dueReminderInterval, "due-reminder-interval");
		requirePositive(unsubscribeLinkTtl, "unsubscribe-link-ttl");
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException("cairn.notifications." + name + " must be positive");
		}
	}

}
