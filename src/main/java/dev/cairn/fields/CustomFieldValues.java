package dev.cairn.fields;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;

/**
 * The values a task holds for its project's custom fields: a map from field id to a value
 * of the field's type, checked here and nowhere else. Pure: the caller brings the
 * definitions and the membership test.
 *
 * <p>
 * Stored forms: text, url, date ({@code YYYY-MM-DD}), select (an option id) and user (a
 * user id) as strings; number as a {@link BigDecimal} without trailing zeros; checkbox as
 * a boolean; multiselect as a list of option ids in the field's option order. A value is
 * never null: clearing a field removes its key.
 */
public final class CustomFieldValues {

	/** Longest text value, and longest URL. */
	public static final int MAX_TEXT = 2000;

	/** Most options chosen in one multiselect value. */
	public static final int MAX_CHOICES = 100;

	/** Most decimal places of a number. */
	public static final int MAX_SCALE = 10;

	/** Numbers are smaller than this in size: exact in a double, and in any client. */
	public static final BigDecimal NUMBER_BOUND = new BigDecimal("1E15");

	private CustomFieldValues() {
	}

	/**
	 * Checks new values and gives the map to store.
	 * @param definitions the fields of the task's project
	 * @param incoming the new values keyed by field id, each as a JSON value in plain
	 * Java ({@code dev.cairn.web.JsonValues}): a string, a {@link BigDecimal}, a boolean,
	 * a list, or null to clear the field
	 * @param isMergePatch whether keys absent from {@code incoming} keep their
	 * {@code current} value (an update) or are unset (a create or a replacement)
	 * @param current the values stored now (empty for a new task)
	 * @param isMember whether a user is a member of the project, for user fields
	 * @return the values to store, in the fields' order
	 * @throws InvalidInput naming {@code customFields.<fieldId>} for every bad value
	 */
	public static Map<String, Object> validate(List<CustomField> definitions, Map<String, ?> incoming,
			boolean isMergePatch, Map<String, ?> current, Predicate<UUID> isMember) {
		Map<String, Object> values = isMergePatch ? prune(definitions, current) : new LinkedHashMap<>();
		if (incoming.size() > definitions.size()) {
			throw new InvalidInput("customFields",
					"has more entries than the project has custom fields (" + definitions.size() + ")");
		}
		Map<UUID, CustomField> byId = new LinkedHashMap<>();
		definitions.forEach((field) -> byId.put(field.id(), field));
		List<FieldError> errors = new ArrayList<>();
		for (Map.Entry<String, ?> entry : incoming.entrySet()) {
			CustomField field = uuid(entry.getKey()).map(byId::get).orElse(null);
			if (field == null) {
				errors.add(new FieldError("customFields." + clip(entry.getKey()),
						"is not a custom field of this project"));
				continue;
			}
			String key = field.id().toString();
			try {
				Object value = (entry.getValue() == null) ? null : value(field, entry.getValue(), isMember);
				if (value == null) {
					values.remove(key);
				}
				else {
					values.put(key, value);
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("customFields." + key, ex.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return ordered(definitions, values);
	}

	/**
	 * Stored values as they stand against the current definitions: values of deleted
	 * fields and removed options are dropped, numbers become {@link BigDecimal}, and the
	 * order is the fields' order. For responses, and as the base of a merge.
	 */
	public static Map<String, Object> prune(List<CustomField> definitions, Map<String, ?> stored) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (stored == null) {
			return values;
		}
		for (CustomField field : definitions) {
			Object value = stored.get(field.id().toString());
			Object kept = switch (field.type()) {
				case TEXT, DATE, URL, USER -> (value instanceof String) ? value : null;
				case CHECKBOX -> (value instanceof Boolean) ? value : null;
				case NUMBER -> (value instanceof Number number) ? decimal(number) : null;
				case SELECT ->
					(value instanceof String id && uuid(id).flatMap(field::option).isPresent()) ? value : null;
				case MULTISELECT -> (value instanceof List<?> ids) ? choices(field, ids) : null;
			};
			if (kept != null) {
				values.put(field.id().toString(), kept);
			}
		}
		return values;
	}

	/**
	 * One value in its stored form, or null when it clears the field (blank text, no
	 * choices).
	 * @throws IllegalArgumentException with the rule broken, as a field error message
	 */
	static Object value(CustomField field, Object node, Predicate<UUID> isMember) {
		return switch (field.type()) {
			case TEXT -> {
				String text = string(node, MAX_TEXT);
				yield text.isBlank() ? null : text;
			}
			case NUMBER -> {
				// Compared as a decimal, never through a double: 1e309 has no double. A
				// JSON number read as a double too large for one is infinite: too large.
				yield switch (node) {
					case BigDecimal decimal -> number(decimal);
					case Double infinite when infinite.isInfinite() -> number(NUMBER_BOUND);
					case Double notANumber when notANumber.isNaN() ->
						throw new IllegalArgumentException("must be a number");
					case Number other -> number(new BigDecimal(other.toString()));
					default -> throw new IllegalArgumentException("must be a number");
				};
			}
			case DATE -> date(string(node, 10)).toString();
			case CHECKBOX -> {
				if (!(node instanceof Boolean checked)) {
					throw new IllegalArgumentException("must be true or false");
				}
				yield checked;
			}
			case URL -> {
				String url = string(node, MAX_TEXT).strip();
				yield url.isEmpty() ? null : url(url);
			}
			case SELECT -> option(field, string(node, 36)).toString();
			case MULTISELECT -> multiselect(field, node);
			case USER -> {
				UUID userId = uuid(string(node, 36))
					.orElseThrow(() -> new IllegalArgumentException("must be a user id"));
				if (!isMember.test(userId)) {
					throw new IllegalArgumentException("is not a member of this project");
				}
				yield userId.toString();
			}
		};
	}

	/** A number within the bounds, without trailing zeros (1.50 is 1.5, 1E+3 is 1000). */
	static BigDecimal number(BigDecimal number) {
		if (number.abs().compareTo(NUMBER_BOUND) >= 0) {
			throw new IllegalArgumentException("must be between -10^15 and 10^15, exclusive");
		}
		BigDecimal normalized = normalized(number);
		if (normalized.scale() > MAX_SCALE) {
			throw new IllegalArgumentException("must have at most " + MAX_SCALE + " decimal places");
		}
		return normalized;
	}

	static LocalDate date(String text) {
		if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
		}
	}

	/** An absolute http or https URL with a host. */
	static String url(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// falls through to the rule
		}
		throw new IllegalArgumentException("must be an absolute http or https URL");
	}

	static UUID option(CustomField field, String text) {
		return uuid(text).flatMap(field::option)
			.map(FieldOption::id)
			.orElseThrow(() -> new IllegalArgumentException("is not an option of this field"));
	}

	/** A UUID in its canonical (36 character) form only. */
	static Optional<UUID> uuid(String text) {
		if (text == null || text.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static List<String> multiselect(CustomField field, Object node) {
		if (!(node instanceof List<?> elements)) {
			throw new IllegalArgumentException("must be an array of option ids");
		}
		if (elements.size() > MAX_CHOICES) {
			throw new IllegalArgumentException("must have at most " + MAX_CHOICES + " options");
		}
		Set<UUID> chosen = new HashSet<>();
		for (Object element : elements) {
			if (!chosen.add(option(field, string(element, 36)))) {
				throw new IllegalArgumentException("must not repeat an option");
			}
		}
		return choices(field, chosen.stream().map(UUID::toString).toList());
	}

	// The options of a field among ids, in the field's option order; null when none.
	private static List<String> choices(CustomField field, List<?> ids) {
		List<String> kept = field.options()
			.stream()
			.map((option) -> option.id().toString())
			.filter((id) -> ids.stream().anyMatch((given) -> id.equals(given)))
			.toList();
		return kept.isEmpty() ? null : kept;
	}

	private static String string(Object node, int maxLength) {
		if (!(node instanceof String text)) {
			throw new IllegalArgumentException("must be a string");
		}
		if (text.codePointCount(0, text.length()) > maxLength) {
			throw new IllegalArgumentException("must be at most " + maxLength + " characters");
		}
		return text;
	}

	private static BigDecimal decimal(Number number) {
		try {
			return normalized(new BigDecimal(number.toString()));
		}
		catch (NumberFormatException ex) {
			return null; // NaN or infinity, which validate never stores
		}
	}

	private static BigDecimal normalized(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static Map<String, Object> ordered(List<CustomField> definitions, Map<String, Object> values) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (CustomField field : definitions) {
			Object value = values.get(field.id().toString());
			if (value != null) {
				ordered.put(field.id().toString(), value);
			}
		}
		return ordered;
	}

	private static String clip(String key) {
		return (key.length() <= 36) ? key : key.substring(0, 36) + "...";
	}

}
