package dev.cairn.activity;

import java.util.UUID;

/**
 * An event row was committed. Published through the event publication registry, so each
 * listener (webhooks, notifications) gets it at least once, even across a crash. It
 * carries only ids; listeners read what they need from the committed row.
 *
 * @param eventId the {@code events} row
 * @param type dotted, past tense: {@code task.created}
 * @param projectId the project it happened in, if any
 * @param taskId the task it is about, if any
 * @param actorId who made the change, if anyone
 */
public record ActivityRecorded(UUID eventId, String type, UUID projectId, UUID taskId, UUID actorId) {

}
