package dev.cairn.notifications;

import java.util.UUID;

/**
 * What a notification is about: the change (if one caused it), where it happened, who
 * made it, and what the feed and the mail say of it.
 */
record Subject(UUID eventId, UUID projectId, UUID taskId, UUID actorId, Summary summary) {

}
