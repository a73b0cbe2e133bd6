package dev.cairn.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON Merge Patch (RFC 7386) body field by field: an absent field is left alone,
 * {@code null} clears it, a value sets it. Unknown fields and wrong types are collected
 * as field errors, reported together by {@link #validate()}.
 */
public final class MergePatch {

	private final JsonNode node;

	private final String prefix;

	private final List<FieldError> errors;

	private MergePatch(JsonNode node, String prefix, List<FieldError> errors) {
		this.node = node;
		this.prefix = prefix;
		this.errors = errors;
	}

	/**
	 * Starts reading a patch body.
	 * @param allowed the field names the patch may contain
	 */
	public static MergePatch of(JsonNode body, Set<String> allowed) {
		if (body == null || !body.isObject()) {
			throw new InvalidInput("", "must be a JSON object");
		}
		MergePatch patch = new MergePatch(body, "", new ArrayList<>());
		patch.allowOnly(allowed);
		return patch;
	}

	/** A nested object, when present and not null. */
	public Optional<MergePatch> object(String name, Set<String> allowed) {
		JsonNode child = this.node.get(name);
		if (child == null || child.isNull()) {
			return Optional.empty();
		}
		if (!child.isObject()) {
			this.errors.add(new FieldError(path(name), "must be an object"));
			return Optional.empty();
		}
		MergePatch nested = new MergePatch(child, path(name) + ".", this.errors);
		nested.allowOnly(allowed);
		return Optional.of(nested);
	}

	/**
	 * A text field: empty when absent, a {@link Change} holding null when cleared.
	 * @param nullable whether {@code null} (clearing the field) is allowed
	 */
	public Optional<Change<String>> text(String name, int maxLength, boolean nullable) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value.isNull()) {
			if (!nullable) {
				this.errors.add(new FieldError(path(name), "must not be null"));
				return Optional.empty();
			}
			return Optional.of(new Change<>(null));
		}
		if (!value.isString()) {
			this.errors.add(new FieldError(path(name), "must be a string"));
			return Optional.empty();
		}
		String text = value.asString();
		if (text.codePointCount(0, text.length()) > maxLength) {
			this.errors.add(new FieldError(path(name), "must be at most " + maxLength + " characters"));
			return Optional.empty();
		}
		return Optional.of(new Change<>(text));
	}

	/** An id field: a UUID string, or null to clear it when {@code nullable}. */
	public Optional<Change<UUID>> uuid(String name, boolean nullable) {
		return text(name, 36, nullable).flatMap((change) -> {
			if (change.value() == null) {
				return Optional.of(new Change<>(null));
			}
			try {
				return Optional.of(new Change<>(UUID.fromString(change.value())));
			}
			catch (IllegalArgumentException ex) {
				reject(name, "must be an id (UUID)");
				return Optional.empty();
			}
		});
	}

	/**
	 * A boolean field: empty when absent; {@code null} is refused, since a switch is
	 * either on or off.
	 */
	public Optional<Boolean> bool(String name) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			this.errors.add(new FieldError(path(name), value.isNull() ? "must not be null" : "must be true or false"));
			return Optional.empty();
		}
		return Optional.of(value.booleanValue());
	}

	/** A date field: {@code YYYY-MM-DD}, or null to clear it. */
	public Optional<Change<LocalDate>> date(String name) {
		return text(name, 10, true).flatMap((change) -> {
			if (change.value() == null) {
				return Optional.of(new Change<>(null));
			}
			try {
				return Optional.of(new Change<>(LocalDate.parse(change.value())));
			}
			catch (DateTimeParseException ex) {
				reject(name, "must be a date as YYYY-MM-DD");
				return Optional.empty();
			}
		});
	}

	/**
	 * A non-negative number with at most two decimals, below {@code max}, or null to
	 * clear it.
	 */
	public Optional<Change<BigDecimal>> amount(String name, BigDecimal max) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value.isNull()) {
			return Optional.of(new Change<>(null));
		}
		if (!value.isNumber()) {
			reject(name, "must be a number");
			return Optional.empty();
		}
		String rule = "must be at least 0 and below " + max.toPlainString() + ", with at most two decimals";
		// Read as a double (by a mapper without big decimals), 1e400 is Infinity, which
		// no BigDecimal holds; read as a decimal it is merely too large.
		if (value.isDouble() && !Double.isFinite(value.asDouble())) {
			reject(name, rule);
			return Optional.empty();
		}
		BigDecimal amount = value.decimalValue();
		if (amount.signum() < 0 || amount.compareTo(max) >= 0 || amount.stripTrailingZeros().scale() > 2) {
			reject(name, rule);
			return Optional.empty();
		}
		return Optional.of(new Change<>(amount));
	}

	/**
	 * A whole number (a JSON integer in the range of an int), or a {@link Change} holding
	 * null when cleared: the command it goes into says whether it may be, and which
	 * numbers it takes.
	 * @param rule the message for a value that is no such number
	 */
	public Optional<Change<Integer>> integer(String name, String rule) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value.isNull()) {
			return Optional.of(new Change<>(null));
		}
		if (!value.isInt()) {
			reject(name, rule);
			return Optional.empty();
		}
		return Optional.of(new Change<>(value.asInt()));
	}

	/** A true/false field that cannot be cleared. */
	public Optional<Boolean> flag(String name) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			reject(name, "must be true or false");
			return Optional.empty();
		}
		return Optional.of(value.asBoolean());
	}

	/**
	 * A list of strings that cannot be cleared: between 1 and {@code maxItems} items,
	 * each non-blank and at most {@code maxLength} characters.
	 */
	public Optional<List<String>> texts(String name, int maxItems, int maxLength) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isArray() || value.isEmpty() || value.size() > maxItems) {
			reject(name, "must be a list of 1 to " + maxItems + " strings");
			return Optional.empty();
		}
		List<String> items = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString() || item.asString().isBlank()
					|| item.asString().codePointCount(0, item.asString().length()) > maxLength) {
				reject(name, "must hold non-blank strings of at most " + maxLength + " characters");
				return Optional.empty();
			}
			items.add(item.asString());
		}
		return Optional.of(List.copyOf(items));
	}

	/**
	 * An object of values of no fixed type (as {@link JsonValues#plain}), or a
	 * {@link Change} holding null when cleared.
	 * @param rule the message for a value that is no object
	 */
	public Optional<Change<Map<String, Object>>> values(String name, String rule) {
		JsonNode value = this.node.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isNull() && !value.isObject()) {
			reject(name, rule);
			return Optional.empty();
		}
		return Optional.of(new Change<>(JsonValues.object(value, path(name), rule)));
	}

	/** Records a rule broken by a field's value. */
	public void reject(String name, String message) {
		this.errors.add(new FieldError(path(name), message));
	}

	/**
	 * Builds the command the patch says, once every member is read: the rules its
	 * constructor checks join the errors found while reading, so a patch is checked whole
	 * and a client learns every mistake at once.
	 * @param command builds the command from the members read (a member read with an
	 * error is absent from it)
	 * @throws InvalidInput listing every field error
	 */
	public <T> T build(Supplier<T> command) {
		T built = null;
		try {
			built = command.get();
		}
		catch (InvalidInput ex) {
			ex.errors()
				.forEach((error) -> this.errors.add(new FieldError(this.prefix + error.field(), error.message())));
		}
		validate();
		return built;
	}

	/**
	 * @throws InvalidInput listing every field error found so far
	 */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInput(List.copyOf(this.errors));
		}
	}

	private void allowOnly(Set<String> allowed) {
		for (String name : this.node.propertyNames()) {
			if (!allowed.contains(name)) {
				this.errors.add(new FieldError(path(name), "is not a known field"));
			}
		}
	}

	private String path(String name) {
		return this.prefix + name;
	}

	/** A new value for a field; {@code value} is null when the field is cleared. */
	public record Change<T>(T value) {
	}

}
