package dev.cairn.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON values as plain Java, for commands whose values have no fixed type (custom field
 * values): a service takes these and never a {@code JsonNode}, so that GraphQL, an import
 * or the web UI can hand it the same values.
 */
public final class JsonValues {

	private JsonValues() {
	}

	/**
	 * A JSON value as plain Java: null, a {@link String}, a {@link Boolean}, a
	 * {@link java.math.BigDecimal} for a number (a double too large for one stays an
	 * infinite {@link Double}), a {@link List} or a {@link Map} in member order. Lists
	 * and maps may hold nulls, as JSON does.
	 */
	public static Object plain(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			boolean infinite = node.isDouble() && !Double.isFinite(node.doubleValue());
			return infinite ? Double.valueOf(node.doubleValue()) : node.decimalValue();
		}
		if (node.isArray()) {
			List<Object> items = new ArrayList<>(node.size());
			node.forEach((item) -> items.add(plain(item)));
			return Collections.unmodifiableList(items);
		}
		Map<String, Object> members = new LinkedHashMap<>();
		node.properties().forEach((member) -> members.put(member.getKey(), plain(member.getValue())));
		return Collections.unmodifiableMap(members);
	}

	/**
	 * A JSON object as a map of plain values, or null when the node is absent or null.
	 * @param field the name to give in the field error
	 * @param rule the field error's message when the node is no object
	 * @throws InvalidInput when the node is present, not null and no object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> object(JsonNode node, String field, String rule) {
		Object value = plain(node);
		if (value != null && !(value instanceof Map)) {
			throw new InvalidInput(field, rule);
		}
		return (Map<String, Object>) value;
	}

}
