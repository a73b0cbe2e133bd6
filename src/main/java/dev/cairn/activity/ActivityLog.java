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

}
