package dev.cairn.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a user's in-app feed.
 *
 * @param id time-ordered, newest first in the feed
 * @param kind {@code assigned}, {@code commented}, {@code mentioned} or {@code dueSoon}
 * @param eventId the change that caused it (see the activity feeds), null for a due-date
 * reminder
 * @param projectId the project of the task
 * @param taskId the task it is about
 * @param actorId who made the change, null for reminders or when their account is gone
 * @param taskKey the task's key then, such as {@code CAIRN-12}
 * @param taskTitle the task's title then
 * @param actorName the actor's display name then
 * @param excerpt the start of the comment or description, for comments and mentions
 * @param dueDate the due date, for reminders
 * @param createdAt when it was made
 * @param readAt when the user marked it read, or null
 */
record Notification(UUID id, String kind, UUID eventId, UUID projectId, UUID taskId, UUID actorId, String taskKey,
		String taskTitle, String actorName, String excerpt, LocalDate dueDate, Instant createdAt, Instant readAt) {

}
