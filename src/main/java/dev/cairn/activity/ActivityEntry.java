package dev.cairn.activity;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One change as an activity feed shows it.
 *
 * @param id the event's id (time-ordered)
 * @param type dotted, past tense: {@code task.moved}
 * @param occurredAt when the change was committed
 * @param actorId who made it (null when their account is gone)
 * @param projectId the project it happened in
 * @param taskId the task it is about, if any
 * @param data {@code {before?, after, changes}}
 */
public record ActivityEntry(UUID id, String type, Instant occurredAt, UUID actorId, UUID projectId, UUID taskId,
		JsonNode data) {

}
