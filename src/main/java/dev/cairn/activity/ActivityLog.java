package dev.cairn.activity;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened. Must run inside the transaction of the change it describes, so
 * the change and its event commit together or not at all.
 */
@Component
public class ActivityLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ActivityLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param type dotted, past tense: {@code project.created}
	 * @param data {@code {before?, after, changes}} as the event body will carry it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String type, UUID projectId, UUID taskId, UUID actorId, Map<String, Object> data) {
		this.jdbc.sql("""
				INSERT INTO events (id, type, project_id, task_id, actor_id, data)
				VALUES (:id, :type, :projectId, :taskId, :actorId, CAST(:data AS jsonb))
				""")
			.param("id", Ids.newId())
			.param("type", type)
			.param("projectId", projectId)
			.param("taskId", taskId)
			.param("actorId", actorId)
			.param("data", this.json.writeValueAsString(data))
			.update();
	}

}
