package dev.cairn.activity;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 2020-12) of the webhook deliveries of each event type, made from
 * the event records themselves: a component is required unless it is left out when null
 * ({@code @JsonInclude(NON_NULL)}), and may be null when it is {@code @Nullable}. Objects
 * allow members they do not list: v1 payloads only ever gain optional members.
 */
final class EventSchemas {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private EventSchemas() {
	}

	/** The schema of a delivery of {@code type}, carried by one of {@code records}. */
	static ObjectNode of(String type, List<Class<? extends DomainEvent>> records) {
		ObjectNode schema = NODES.objectNode();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("$id", "https://cairn.dev/schemas/events/" + type + ".schema.json");
		schema.put("title", type);
		schema.put("description",
				"The body of a Cairn webhook delivery of a " + type + " event (docs/webhooks.md), as made from "
						+ String.join(" or ", records.stream().map((record) -> record.getSimpleName()).toList()) + ".");
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		properties.set("id", string("uuid"));
		properties.putObject("type").put("const", type);
		properties.set("occurredAt", string("date-time"));
		ObjectNode actor = NODES.objectNode();
		actor.put("type", "object");
		actor.putObject("properties")
			.<ObjectNode>set("id", string("uuid"))
			.putObject("displayName")
			.put("type", "string");
		actor.putArray("required").add("id").add("displayName");
		properties.set("actor", nullable(actor));
		properties.set("projectId", string("uuid"));
		properties.set("taskId", nullable(string("uuid")));
		if (records.size() == 1) {
			properties.set("data", data(records.get(0)));
		}
		else {
			// anyOf, not oneOf: objects are open (members may be added), so one shape can
			// pass for another.
			ArrayNode oneOf = properties.putObject("data").putArray("anyOf");
			records.forEach((record) -> oneOf.add(data(record)));
		}
		schema.putArray("required")
			.add("id")
			.add("type")
			.add("occurredAt")
			.add("actor")
			.add("projectId")
			.add("taskId")
			.add("data");
		return schema;
	}

	private static ObjectNode data(Class<?> record) {
		ObjectNode schema = object(record, true);
		schema.put("title", record.getSimpleName());
		return schema;
	}

	private static ObjectNode object(Class<?> record, boolean skipEnvelope) {
		ObjectNode schema = NODES.objectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = NODES.arrayNode();
		for (RecordComponent component : record.getRecordComponents()) {
			String name = component.getName();
			if (skipEnvelope && List.of("projectId", "taskId", "actorId").contains(name)) {
				continue;
			}
			// Read on the accessor: JsonInclude does not target record components.
			JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
			boolean optional = include != null && include.value() != JsonInclude.Include.ALWAYS;
			ObjectNode type = type(component.getAnnotatedType());
			properties.set(name, isNullable(component) ? nullable(type) : type);
			if (!optional) {
				required.add(name);
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		return schema;
	}

	private static ObjectNode type(AnnotatedType annotated) {
		Class<?> raw = raw(annotated);
		if (raw == String.class) {
			return NODES.objectNode().put("type", "string");
		}
		if (raw == UUID.class) {
			return string("uuid");
		}
		if (raw == LocalDate.class) {
			return string("date");
		}
		if (raw == Instant.class) {
			return string("date-time");
		}
		if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
			return NODES.objectNode().put("type", "number");
		}
		if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
			return NODES.objectNode().put("type", "integer");
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return NODES.objectNode().put("type", "boolean");
		}
		if (raw == List.class) {
			ObjectNode array = NODES.objectNode().put("type", "array");
			array.set("items", type(argument(annotated)));
			return array;
		}
		if (raw == Optional.class) {
			return type(argument(annotated));
		}
		if (JsonNode.class.isAssignableFrom(raw)) {
			// Custom field values, keyed by field id: their shapes are the fields' own.
			return NODES.objectNode().put("type", "object");
		}
		if (raw.isRecord()) {
			return object(raw, false);
		}
		throw new IllegalArgumentException("No JSON Schema for " + raw + ": teach EventSchemas");
	}

	private static boolean isNullable(RecordComponent component) {
		return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
				|| component.isAnnotationPresent(Nullable.class);
	}

	private static ObjectNode nullable(ObjectNode schema) {
		ObjectNode either = NODES.objectNode();
		either.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
		return either;
	}

	private static ObjectNode string(String format) {
		return NODES.objectNode().put("type", "string").put("format", format);
	}

	private static Class<?> raw(AnnotatedType type) {
		java.lang.reflect.Type plain = type.getType();
		if (plain instanceof java.lang.reflect.ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (Class<?>) plain;
	}

	private static AnnotatedType argument(AnnotatedType type) {
		return ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[0];
	}

}
