package dev.cairn.fields;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import dev.cairn.web.JsonValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class CustomFieldValuesTests {

	private static final UUID MEMBER = UUID.fromString("01900000-0000-7000-8000-00000000000a");

	private static final UUID STRANGER = UUID.fromString("01900000-0000-7000-8000-00000000000b");

	private static final Predicate<UUID> IS_MEMBER = MEMBER::equals;

	private final FieldOption red = option("Red");

	private final FieldOption green = option("Green");

	private final FieldOption blue = option("Blue");

	private final CustomField text = field(FieldType.TEXT);

	private final CustomField number = field(FieldType.NUMBER);

	private final CustomField date = field(FieldType.DATE);

	private final CustomField checkbox = field(FieldType.CHECKBOX);

	private final CustomField url = field(FieldType.URL);

	private final CustomField select = field(FieldType.SELECT, this.red, this.green);

	private final CustomField multiselect = field(FieldType.MULTISELECT, this.red, this.green, this.blue);

	private final CustomField user = field(FieldType.USER);

	private final List<CustomField> fields = List.of(this.text, this.number, this.date, this.checkbox, this.url,
			this.select, this.multiselect, this.user);

	@Test
	void valuesOfEveryTypeAreStoredInTheirCanonicalForm() {
		Map<String, Object> values = create(Map.of(key(this.text), "  spaces kept  ", key(this.number), 1.50,
				key(this.date), "2026-02-28", key(this.checkbox), false, key(this.url), " https://example.com/a?b=c ",
				key(this.select), this.green.id().toString().toUpperCase(), key(this.multiselect),
				List.of(this.blue.id().toString(), this.red.id().toString()), key(this.user), MEMBER.toString()));

		assertThat(values).containsExactly(entry(key(this.text), "  spaces kept  "),
				entry(key(this.number), new BigDecimal("1.5")), entry(key(this.date), "2026-02-28"),
				entry(key(this.checkbox), false), entry(key(this.url), "https://example.com/a?b=c"),
				entry(key(this.select), this.green.id().toString()),
				entry(key(this.multiselect), List.of(this.red.id().toString(), this.blue.id().toString())),
				entry(key(this.user), MEMBER.toString()));
	}

	@Test
	void numbersLoseTrailingZerosAndExponents() {
		assertThat(create(Map.of(key(this.number), new BigDecimal("1E+3")))).containsEntry(key(this.number),
				new BigDecimal("1000"));
		assertThat(create(Map.of(key(this.number), -42))).containsEntry(key(this.number), new BigDecimal("-42"));
		assertThat(create(Map.of(key(this.number), new BigDecimal("0.0000000001")))).containsEntry(key(this.number),
				new BigDecimal("1E-10"));
	}

	@Test
	void aMergePatchChangesOnlyTheKeysItHasAndNullClearsOne() {
		Map<String, Object> current = new LinkedHashMap<>();
		current.put(key(this.text), "old");
		current.put(key(this.number), 7);
		current.put(key(this.checkbox), true);
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put(key(this.text), "new");
		patch.put(key(this.checkbox), null);

		Map<String, Object> values = CustomFieldValues.validate(this.fields, json(patch), true, current, IS_MEMBER);

		assertThat(values).containsExactly(entry(key(this.text), "new"), entry(key(this.number), new BigDecimal("7")));
		assertThat(current).hasSize(3);
	}

	@Test
	void aReplacementForgetsWhatWasNotGiven() {
		Map<String, Object> values = CustomFieldValues.validate(this.fields, json(Map.of(key(this.text), "only")),
				false, Map.of(key(this.number), 7), IS_MEMBER);

		assertThat(values).containsExactly(entry(key(this.text), "only"));
	}

	@Test
	void blankTextEmptyUrlAndNoChoicesClearTheValue() {
		Map<String, Object> current = Map.of(key(this.text), "a", key(this.url), "https://example.com",
				key(this.multiselect), List.of(this.red.id().toString()));

		Map<String, Object> values = CustomFieldValues.validate(this.fields,
				json(Map.of(key(this.text), "   ", key(this.url), "", key(this.multiselect), List.of())), true, current,
				IS_MEMBER);

		assertThat(values).isEmpty();
	}

	@Test
	void anUnknownFieldIsAnErrorNamingIt() {
		UUID unknown = UUID.randomUUID();

		assertThat(errors(Map.of(unknown.toString(), "x", "priority", "high"))).containsExactlyInAnyOrder(
				new FieldError("customFields." + unknown, "is not a custom field of this project"),
				new FieldError("customFields.priority", "is not a custom field of this project"));
	}

	@Test
	void everyBadValueIsReportedTogetherUnderItsFieldId() {
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put(key(this.text), "x".repeat(2001));
		bad.put(key(this.number), "5");
		bad.put(key(this.date), "2026-02-30");
		bad.put(key(this.checkbox), "true");
		bad.put(key(this.url), "ftp://example.com/file");
		bad.put(key(this.select), this.blue.id().toString());
		bad.put(key(this.multiselect), List.of(this.red.id().toString(), this.red.id().toString()));
		bad.put(key(this.user), STRANGER.toString());

		assertThat(errors(bad)).containsExactly(
				new FieldError("customFields." + key(this.text), "must be at most 2000 characters"),
				new FieldError("customFields." + key(this.number), "must be a number"),
				new FieldError("customFields." + key(this.date), "must be a date as YYYY-MM-DD"),
				new FieldError("customFields." + key(this.checkbox), "must be true or false"),
				new FieldError("customFields." + key(this.url), "must be an absolute http or https URL"),
				new FieldError("customFields." + key(this.select), "is not an option of this field"),
				new FieldError("customFields." + key(this.multiselect), "must not repeat an option"),
				new FieldError("customFields." + key(this.user), "is not a member of this project"));
	}

	@Test
	void numbersAreBoundedInSizeAndPrecision() {
		assertThat(message(this.number, new BigDecimal("1E15")))
			.isEqualTo("must be between -10^15 and 10^15, exclusive");
		assertThat(message(this.number, new BigDecimal("-1E15")))
			.isEqualTo("must be between -10^15 and 10^15, exclusive");
		assertThat(message(this.number, new BigDecimal("0.00000000001")))
			.isEqualTo("must have at most 10 decimal places");
		assertThat(create(Map.of(key(this.number), new BigDecimal("999999999999999.5")))).hasSize(1);
	}

	@Test
	void textsUrlsAndIdsMustHaveTheirShape() {
		assertThat(message(this.date, "2026-2-3")).isEqualTo("must be a date as YYYY-MM-DD");
		assertThat(message(this.date, 20260203)).isEqualTo("must be a string");
		assertThat(message(this.url, "example.com")).isEqualTo("must be an absolute http or https URL");
		assertThat(message(this.url, "https://")).isEqualTo("must be an absolute http or https URL");
		assertThat(message(this.url, "javascript:alert(1)")).isEqualTo("must be an absolute http or https URL");
		assertThat(message(this.url, "https://example.com/" + "a".repeat(2000)))
			.isEqualTo("must be at most 2000 characters");
		assertThat(message(this.select, "red")).isEqualTo("is not an option of this field");
		assertThat(message(this.multiselect, this.red.id().toString())).isEqualTo("must be an array of option ids");
		assertThat(message(this.user, "me")).isEqualTo("must be a user id");
		assertThat(message(this.checkbox, 1)).isEqualTo("must be true or false");
		assertThat(message(this.number, Double.NaN)).isEqualTo("must be a number");
		assertThat(message(this.text, 12)).isEqualTo("must be a string");
	}

	@Test
	void theValuesHaveNoMoreEntriesThanFields() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> CustomFieldValues.validate(List.of(this.text),
					json(Map.of(key(this.text), "a", "x", "b")), false, Map.of(), IS_MEMBER))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("customFields"));
	}

	@Test
	void pruneDropsValuesOfDeletedFieldsAndRemovedOptions() {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put(UUID.randomUUID().toString(), "field gone");
		stored.put(key(this.select), UUID.randomUUID().toString());
		stored.put(key(this.multiselect), List.of(UUID.randomUUID().toString(), this.blue.id().toString()));
		stored.put(key(this.number), 2.5);
		stored.put(key(this.checkbox), "not a boolean");

		assertThat(CustomFieldValues.prune(this.fields, stored)).containsExactly(
				entry(key(this.number), new BigDecimal("2.5")),
				entry(key(this.multiselect), List.of(this.blue.id().toString())));
	}

	private Map<String, Object> create(Map<String, ?> values) {
		return CustomFieldValues.validate(this.fields, json(values), false, Map.of(), IS_MEMBER);
	}

	private List<FieldError> errors(Map<String, ?> values) {
		try {
			create(values);
		}
		catch (InvalidInput ex) {
			return ex.errors();
		}
		throw new AssertionError("Expected invalid input: " + values);
	}

	private String message(CustomField field, Object value) {
		List<FieldError> errors = errors(Map.of(key(field), value));
		assertThat(errors).hasSize(1);
		return errors.get(0).message();
	}

	// The values as a client's JSON gives them: through the same reading as a request.
	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Map<String, ?> value) {
		return (Map<String, Object>) JsonValues.plain(JsonMapper.shared().valueToTree(value));
	}

	private static String key(CustomField field) {
		return field.id().toString();
	}

	private static FieldOption option(String name) {
		return new FieldOption(UUID.randomUUID(), name, null);
	}

	private static CustomField field(FieldType type, FieldOption... options) {
		return new CustomField(UUID.randomUUID(), type.value(), type, List.of(options), 0);
	}

}
