package dev.cairn.activity;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.cairn.platform.Ids;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

	/** The components of every event that have columns of their own. */
	private static final List<String> ENVELOPE = List.of("projectId", "taskId", "actorId");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final JsonMapper strict;

	private final JdbcTemplate batch;

	ActivityLog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.events = events;
		this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Records the event in the current transaction: its row (the type name from the
	 * record, the envelope in columns, the rest as {@code data}), and its publication to
	 * the listeners that run after the commit (webhooks, notifications).
	 * @return the new event's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(DomainEvent event) {
		UUID id = Ids.newId();
		String type = EventTypes.nameOf(event.getClass());
		this.jdbc.sql("""
				INSERT INTO events (id, type, project_id, task_id, actor_id, data)
				VALUES (:id, :type, :projectId, :taskId, :actorId, CAST(:data AS jsonb))
				""")
			.param("id", id)
			.param("type", type)
			.param("projectId", event.projectId())
			.param("taskId", event.taskId())
			.param("actorId", event.actorId())
			.param("data", this.json.writeValueAsString(dataOf(event)))
			.update();
		this.events.publishEvent(new ActivityRecorded(id, type, event.projectId(), event.taskId(), event.actorId()));
		return id;
	}

	/**
	 * Events as they happened, at their times, many at once and published to nobody: the
	 * history of seed data (and later of a restored export), through the same records and
	 * serialization as every change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void importAll(List<PastEvent> events) {
		this.batch.batchUpdate("""
				INSERT INTO events (id, type, project_id, task_id, actor_id, occurred_at, data)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
				""", events.stream().map((past) -> {
			DomainEvent event = past.event();
			return new Object[] { Ids.newId(), EventTypes.nameOf(event.getClass()), event.projectId(), event.taskId(),
					event.actorId(), Timestamp.from(past.occurredAt()), this.json.writeValueAsString(dataOf(event)) };
		}).toList());
	}

	/** An event and when it happened. */
	public record PastEvent(DomainEvent event, Instant occurredAt) {
	}

	/**
	 * What an event row's {@code data} holds for this event: every component of the
	 * record but the envelope, which has columns of its own. The one place events become
	 * JSON (the demo data too), so the public payload is what the records say.
	 */
	public ObjectNode dataOf(DomainEvent event) {
		ObjectNode data = this.json.valueToTree(event);
		ENVELOPE.forEach(data::remove);
		return data;
	}

	/**
	 * The event a committed row records, as its record, read back from the row as it is
	 * now (a deleted comment's events are redacted); empty for a row no record reads (one
	 * older than the records, or of a type gone since). The row stays share-locked to the
	 * end of the caller's transaction: a redaction of it waits for what the caller does
	 * with the text, and then reaches that too (notifications strip their excerpts).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<DomainEvent> read(ActivityRecorded recorded) {
		return this.jdbc.sql("SELECT data::text FROM events WHERE id = :id AND project_id = :projectId FOR SHARE")
			.param("id", recorded.eventId())
			.param("projectId", recorded.projectId())
			.query(String.class)
			.optional()
			.flatMap((data) -> read(recorded, (ObjectNode) this.json.readTree(data)));
	}

	Optional<DomainEvent> read(ActivityRecorded recorded, ObjectNode data) {
		// A type two records share (task.updated) is the first record the data fits:
		// unknown members are refused, so a change of labels is no change of fields.
		JacksonException last = null;
		for (Class<? extends DomainEvent> type : EventTypes.recordsNamed(recorded.type())) {
			ObjectNode whole = data.deepCopy();
			for (RecordComponent component : type.getRecordComponents()) {
				switch (component.getName()) {
					case "projectId" -> whole.put("projectId", string(recorded.projectId()));
					case "taskId" -> whole.put("taskId", string(recorded.taskId()));
					case "actorId" -> whole.put("actorId", string(recorded.actorId()));
					default -> {
					}
				}
			}
			try {
				return Optional.of(this.strict.treeToValue(whole, type));
			}
			catch (JacksonException ex) {
				last = ex; // not this record: try the next
			}
		}
		if (last != null) {
			log.warn("Event {} of type {} fits none of its records: {}", recorded.eventId(), recorded.type(),
					last.getOriginalMessage());
		}
		return Optional.empty();
	}

	private static String string(UUID id) {
		return (id != null) ? id.toString() : null;
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
	 * @param created the record of a comment's creation, and {@code updated} of its edits
	 * @param authorId the comment's author (null when their account is gone)
	 * @return how many events were redacted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int redactComment(Class<? extends DomainEvent> created, Class<? extends DomainEvent> updated, UUID taskId,
			UUID commentId, UUID authorId) {
		return this.jdbc.sql("""
				UPDATE events SET data = events_redacted(data)
				WHERE task_id = :taskId AND data -> 'redacted' IS NULL
				  AND ((type IN (:created, :updated)
				        AND data -> 'after' ->> 'commentId' = :commentId)
				    OR (type = :updated AND data -> 'after' -> 'commentId' IS NULL
				        AND actor_id IS NOT DISTINCT FROM CAST(:authorId AS uuid)))
				""")
			.param("created", EventTypes.nameOf(created))
			.param("updated", EventTypes.nameOf(updated))
			.param("taskId", taskId)
			.param("commentId", commentId.toString())
			.param("authorId", authorId)
			.update();
	}

}
