package dev.cairn.webhooks;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The body of a delivery: {@code {id, type, occurredAt, actor, projectId, taskId, data}},
 * built from the committed event row at each attempt: the same bytes every time but for
 * the actor's current display name, and a deleted comment's text, which its events lose.
 * <p>
 * Reads {@code events} (activity's table, the payload) and {@code users} (accounts', the
 * actor's name), as a read model.
 */
@Component
class WebhookPayloads {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookPayloads(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<byte[]> of(UUID eventId) {
		return this.jdbc
			.sql("""
					SELECT e.id, e.type, e.occurred_at, e.project_id, e.task_id, e.actor_id, u.display_name, e.data::text AS data
					FROM events e LEFT JOIN users u ON u.id = e.actor_id
					WHERE e.id = :id
					""")
			.param("id", eventId)
			.query((rs, row) -> {
				ObjectNode body = this.json.createObjectNode();
				body.put("id", rs.getObject("id", UUID.class).toString());
				body.put("type", rs.getString("type"));
				body.put("occurredAt", rs.getTimestamp("occurred_at").toInstant().toString());
				UUID actorId = rs.getObject("actor_id", UUID.class);
				if (actorId != null) {
					ObjectNode actor = body.putObject("actor");
					actor.put("id", actorId.toString());
					actor.put("displayName", rs.getString("display_name"));
				}
				else {
					body.putNull("actor");
				}
				UUID projectId = rs.getObject("project_id", UUID.class);
				body.put("projectId", (projectId != null) ? projectId.toString() : null);
				UUID taskId = rs.getObject("task_id", UUID.class);
				body.put("taskId", (taskId != null) ? taskId.toString() : null);
				body.set("data", this.json.readTree(rs.getString("data")));
				return this.json.writeValueAsBytes(body);
			})
			.optional();
	}

}
