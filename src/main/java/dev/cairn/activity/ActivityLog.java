package dev.cairn.activity;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.platform.Ids;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened. Must run inside the transaction of the change it describes, so
 * the change, its event row and the event's pending publications (webhooks,
 * notifications) commit together or not at all.
 */
@Component
public class ActivityLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ActivityLog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/**
	 * @param type dotted, past tense: {@code project.created}
	 * @param data {@code {before?, after, changes}} as the event body will carry it
	 * @return the new event's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(String type, UUID projectId, UUID taskId, UUID actorId, Map<String, Object> data) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				INSERT INTO events (id, type, project_id, task_id, actor_id, data)
				VALUES (:id, :type, :projectId, :taskId, :actorId, CAST(:data AS jsonb))
				""")
			.param("id", id)
			.param("type", type)
			.param("projectId", projectId)
			.param("taskId", taskId)
			.param("actorId", actorId)
			.param("data", this.json.writeValueAsString(data))
			.update();
		this.events.publishEvent(new ActivityRecorded(id, type, projectId, taskId, actorId));
		return id;
	}

	/**
	 * Takes a deleted comment's text out of the events that carry it, its creation and
	 * its edits, in the transaction that deletes it (after the comment row is gone: the
	 * events' trigger checks): their bodies become null and their data says
	 * {@code "redacted": true}; type, actor and time stay. Webhook attempts still to come
	 * are built from the redacted events. Edits recorded before V16 that could not be
	 * linked to their comment go too when any comment of their author on that task is
	 * deleted: rather too much than too little. The one rewrite of history the events
	 * table allows (ADR 0015).
	 * @param authorId the comment's author (null when their account is gone)
	 * @return how many events were redacted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int redactComment(UUID taskId, UUID commentId, UUID authorId) {
		return this.jdbc.sql("""
				UPDATE events SET data = events_redacted(data)
				WHERE task_id = :taskId AND data -> 'redacted' IS NULL
				  AND ((type IN ('comment.created', 'comment.updated')
				        AND data -> 'after' ->> 'commentId' = :commentId)
				    OR (type = 'comment.updated' AND data -> 'after' -> 'commentId' IS NULL
				        AND actor_id IS NOT DISTINCT FROM CAST(:authorId AS uuid)))
				""")
			.param("taskId", taskId)
			.param("commentId", commentId.toString())
			.param("authorId", authorId)
			.update();
	}

}
