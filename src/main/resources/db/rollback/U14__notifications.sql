DROP TABLE notification_digests;
DROP INDEX tasks_due_reminder_idx;
DROP TABLE due_reminders;
DROP TABLE notifications;
DROP TABLE notification_preferences;
