package dev.cairn.notifications;

import java.util.UUID;

/**
 * Someone to notify: an active member of the project the notification is about.
 */
record Recipient(UUID id, String email) {

}
