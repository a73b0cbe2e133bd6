package dev.cairn.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the notification jobs run (docs/operations.md).
 *
 * @param dueReminderInterval {@code CAIRN_NOTIFICATIONS_DUE_REMINDER_INTERVAL}: how often
 * one node looks for open tasks due within a day whose assignee has not been reminded
 * @param digestTime {@code CAIRN_NOTIFICATIONS_DIGEST_TIME}: when (UTC, {@code HH:MM})
 * the daily digests go out
 */
@ConfigurationProperties("cairn.notifications")
record NotificationSettings(@DefaultValue("15m") Duration dueReminderInterval,
		@DefaultValue("07:00") LocalTime digestTime) {

}
