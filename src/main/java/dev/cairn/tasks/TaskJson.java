package dev.cairn.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom field values of a task between their JSONB column and Java. Decimals are
 * read as BigDecimal, so a stored 0.1 comes back as 0.1 and not as the nearest double.
 */
final class TaskJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private TaskJson() {
	}

	static Map<String, Object> values(String json) {
		return (json != null) ? JSON.readValue(json, MAP) : new LinkedHashMap<>();
	}

	static JsonNode tree(String json) {
		return JSON.readTree((json != null) ? json : "{}");
	}

	static String write(Map<String, Object> values) {
		return JSON.writeValueAsString(values);
	}

}
