package dev.cairn.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.cairn.web.InvalidInput;

/**
 * Task list filters on custom fields, as SQL over {@code t.custom_fields}:
 * {@code cf.<fieldId>=value} for every type, {@code cf.<fieldId>.gte=} and {@code .lte=}
 * for number and date fields.
 *
 * <p>
 * Equality is JSONB containment ({@code t.custom_fields @> '{"<id>": value}'}), which the
 * GIN index {@code tasks_custom_fields_idx} serves and which compares numbers by value
 * (1.0 finds 1). Ranges cast the stored value. The value is always a bound parameter, and
 * the only field id that reaches the SQL text is the definition's UUID, never the
 * request's text.
 */
public final class CustomFieldFilter {

	private static final Pattern KEY = Pattern.compile("cf\\.([0-9a-fA-F-]{36})(?:\\.(gte|lte))?");

	private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

	private CustomFieldFilter() {
	}

	/**
	 * A condition and its parameters, to join to others with AND.
	 *
	 * @param sql parenthesized, over the tasks table aliased {@code t}
	 */
	public record Condition(String sql, Map<String, Object> params) {
	}

	/**
	 * The conditions for every {@code cf.} query parameter, in the parameters' order;
	 * others are ignored. Parameters are named {@code cf0}, {@code cf1}, ...
	 * @param definitions the fields of the listed project
	 * @throws InvalidInput when a parameter names no field of the project, or its value
	 * does not fit the field
	 */
	public static List<Condition> conditions(List<CustomField> definitions, Map<String, String> queryParameters) {
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, String> parameter : queryParameters.entrySet()) {
			if (!parameter.getKey().startsWith("cf.")) {
				continue;
			}
			Matcher key = KEY.matcher(parameter.getKey());
			CustomField field = key.matches() ? CustomFieldValues.uuid(key.group(1))
				.flatMap((id) -> definitions.stream().filter((def) -> def.id().equals(id)).findFirst())
				.orElse(null) : null;
			if (field == null) {
				throw new InvalidInput(clip(parameter.getKey()),
						"is not a filter on a custom field of this project (cf.<fieldId>, .gte or .lte)");
			}
			String op = (key.group(2) != null) ? key.group(2) : "eq";
			conditions.add(condition(field, op, parameter.getValue(), "cf" + conditions.size()));
		}
		return conditions;
	}

	/**
	 * The condition for one filter.
	 * @param op {@code eq}, {@code gte} or {@code lte}
	 * @param rawValue the query parameter's value
	 * @param paramName the name to bind the value under, unique in the query
	 * @throws InvalidInput when the value does not fit the field, or a range is asked of
	 * a field that is neither number nor date
	 */
	public static Condition condition(CustomField def, String op, String rawValue, String paramName) {
		if (!PARAMETER.matcher(paramName).matches()) {
			throw new IllegalArgumentException("Not a parameter name: " + paramName);
		}
		String id = def.id().toString();
		String name = "cf." + id + ("eq".equals(op) ? "" : "." + op);
		if (!"eq".equals(op) && !"gte".equals(op) && !"lte".equals(op)) {
			throw new InvalidInput(name, "must be cf.<fieldId>, cf.<fieldId>.gte or cf.<fieldId>.lte");
		}
		if (rawValue == null || rawValue.isEmpty()) {
			throw new InvalidInput(name, "must have a value");
		}
		if (rawValue.length() > CustomFieldValues.MAX_TEXT) {
			throw new InvalidInput(name, "must be at most " + CustomFieldValues.MAX_TEXT + " characters");
		}
		try {
			if (!"eq".equals(op)) {
				return range(def, op, rawValue, paramName, name);
			}
			return equality(def, rawValue, paramName);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(name, ex.getMessage());
		}
	}

	private static Condition range(CustomField def, String op, String rawValue, String paramName, String name) {
		String comparison = "gte".equals(op) ? ">=" : "<=";
		String id = def.id().toString();
		return switch (def.type()) {
			case NUMBER -> new Condition(
					"(CAST(t.custom_fields -> '" + id + "' AS numeric) " + comparison + " :" + paramName + ")",
					Map.of(paramName, number(rawValue)));
			case DATE ->
				new Condition("(CAST(t.custom_fields ->> '" + id + "' AS date) " + comparison + " :" + paramName + ")",
						Map.of(paramName, java.sql.Date.valueOf(CustomFieldValues.date(rawValue))));
			default -> throw new InvalidInput(name, "ranges (.gte, .lte) are for number and date fields only");
		};
	}

	private static Condition equality(CustomField def, String rawValue, String paramName) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		String id = def.id().toString();
		switch (def.type()) {
			case TEXT -> json.put(id, rawValue);
			case NUMBER -> json.put(id, number(rawValue));
			case DATE -> json.put(id, CustomFieldValues.date(rawValue).toString());
			case CHECKBOX -> {
				if (!rawValue.equals("true") && !rawValue.equals("false")) {
					throw new IllegalArgumentException("must be true or false");
				}
				// Unset counts as unchecked, so false finds every task not checked.
				json.put(id, true);
				return contains(json, paramName, rawValue.equals("false"));
			}
			case URL -> json.put(id, CustomFieldValues.url(rawValue.strip()));
			case SELECT -> json.put(id, CustomFieldValues.option(def, rawValue).toString());
			case MULTISELECT -> json.putArray(id).add(CustomFieldValues.option(def, rawValue).toString());
			case USER -> json.put(id,
					CustomFieldValues.uuid(rawValue)
						.orElseThrow(() -> new IllegalArgumentException("must be a user id"))
						.toString());
		}
		return contains(json, paramName, false);
	}

	private static Condition contains(ObjectNode json, String paramName, boolean negated) {
		String containment = "t.custom_fields @> CAST(:" + paramName + " AS jsonb)";
		return new Condition(negated ? "(NOT (" + containment + "))" : "(" + containment + ")",
				Map.of(paramName, json.toString()));
	}

	private static BigDecimal number(String rawValue) {
		try {
			return CustomFieldValues.number(new BigDecimal(rawValue));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("must be a number");
		}
	}

	private static String clip(String key) {
		return (key.length() <= 80) ? key : key.substring(0, 80) + "...";
	}

}
