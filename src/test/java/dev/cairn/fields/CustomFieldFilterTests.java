package dev.cairn.fields;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cairn.fields.CustomFieldFilter.Condition;
import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CustomFieldFilterTests {

	private static final UUID ID = UUID.fromString("01900000-0000-7000-8000-0000000000f1");

	private static final UUID OPTION = UUID.fromString("01900000-0000-7000-8000-0000000000a1");

	private static final String CONTAINS = "(t.custom_fields @> CAST(:cf0 AS jsonb))";

	@Test
	void equalityIsContainmentOfTheStoredForm() {
		assertThat(eq(FieldType.TEXT, "Mars base")).isEqualTo(contains("\"Mars base\""));
		assertThat(eq(FieldType.NUMBER, "1.50")).isEqualTo(contains("1.5"));
		assertThat(eq(FieldType.NUMBER, "1e3")).isEqualTo(contains("1000"));
		assertThat(eq(FieldType.DATE, "2026-12-24")).isEqualTo(contains("\"2026-12-24\""));
		assertThat(eq(FieldType.CHECKBOX, "true")).isEqualTo(contains("true"));
		assertThat(eq(FieldType.URL, "https://example.com/x")).isEqualTo(contains("\"https://example.com/x\""));
		assertThat(eq(FieldType.SELECT, OPTION.toString().toUpperCase())).isEqualTo(contains("\"" + OPTION + "\""));
		assertThat(eq(FieldType.MULTISELECT, OPTION.toString())).isEqualTo(contains("[\"" + OPTION + "\"]"));
		assertThat(eq(FieldType.USER, OPTION.toString())).isEqualTo(contains("\"" + OPTION + "\""));
	}

	@Test
	void uncheckedMeansNotChecked() {
		assertThat(eq(FieldType.CHECKBOX, "false")).isEqualTo(new Condition(
				"(NOT (t.custom_fields @> CAST(:cf0 AS jsonb)))", Map.of("cf0", "{\"" + ID + "\":true}")));
	}

	@Test
	void textIsBoundNeverSpliced() {
		String hostile = "x'}') OR true; --\"";

		Condition condition = eq(FieldType.TEXT, hostile);

		assertThat(condition.sql()).isEqualTo(CONTAINS);
		assertThat(condition.params().get("cf0")).isEqualTo("{\"" + ID + "\":\"x'}') OR true; --\\\"\"}");
	}

	@Test
	void rangesCastTheStoredValueForNumbersAndDates() {
		assertThat(CustomFieldFilter.condition(field(FieldType.NUMBER), "gte", "-2.50", "p1")).isEqualTo(new Condition(
				"(CAST(t.custom_fields -> '" + ID + "' AS numeric) >= :p1)", Map.of("p1", new BigDecimal("-2.5"))));
		assertThat(CustomFieldFilter.condition(field(FieldType.DATE), "lte", "2026-12-31", "p2"))
			.isEqualTo(new Condition("(CAST(t.custom_fields ->> '" + ID + "' AS date) <= :p2)",
					Map.of("p2", Date.valueOf("2026-12-31"))));
	}

	@Test
	void rangesOnOtherTypesAndUnknownOperatorsAre400() {
		assertThat(error(FieldType.TEXT, "gte", "a"))
			.isEqualTo(new FieldError("cf." + ID + ".gte", "ranges (.gte, .lte) are for number and date fields only"));
		assertThat(error(FieldType.NUMBER, "gt", "1")).isEqualTo(
				new FieldError("cf." + ID + ".gt", "must be cf.<fieldId>, cf.<fieldId>.gte or cf.<fieldId>.lte"));
	}

	@Test
	void valuesMustFitTheField() {
		assertThat(error(FieldType.NUMBER, "eq", "many").message()).isEqualTo("must be a number");
		assertThat(error(FieldType.NUMBER, "lte", "1e15").message())
			.isEqualTo("must be between -10^15 and 10^15, exclusive");
		assertThat(error(FieldType.DATE, "gte", "yesterday").message()).isEqualTo("must be a date as YYYY-MM-DD");
		assertThat(error(FieldType.CHECKBOX, "eq", "yes").message()).isEqualTo("must be true or false");
		assertThat(error(FieldType.URL, "eq", "example.com").message())
			.isEqualTo("must be an absolute http or https URL");
		assertThat(error(FieldType.SELECT, "eq", UUID.randomUUID().toString()).message())
			.isEqualTo("is not an option of this field");
		assertThat(error(FieldType.USER, "eq", "me").message()).isEqualTo("must be a user id");
		assertThat(error(FieldType.TEXT, "eq", "").message()).isEqualTo("must have a value");
		assertThat(error(FieldType.TEXT, "eq", "x".repeat(2001)).message())
			.isEqualTo("must be at most 2000 characters");
	}

	@Test
	void queryParametersBecomeNumberedConditionsOnKnownFieldsOnly() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("status", "ignored");
		query.put("cf." + ID, "3");
		query.put("cf." + ID + ".gte", "1");
		query.put("cf." + ID + ".lte", "5");

		List<Condition> conditions = CustomFieldFilter.conditions(List.of(field(FieldType.NUMBER)), query);

		assertThat(conditions).extracting(Condition::sql)
			.containsExactly("(t.custom_fields @> CAST(:cf0 AS jsonb))",
					"(CAST(t.custom_fields -> '" + ID + "' AS numeric) >= :cf1)",
					"(CAST(t.custom_fields -> '" + ID + "' AS numeric) <= :cf2)");
	}

	@Test
	void aFilterOnAnUnknownFieldIs400AndItsTextNeverReachesTheSql() {
		UUID other = UUID.randomUUID();
		for (String key : List.of("cf." + other, "cf.' OR 1=1 --", "cf." + ID + ".between")) {
			assertThatExceptionOfType(InvalidInput.class)
				.isThrownBy(() -> CustomFieldFilter.conditions(List.of(field(FieldType.TEXT)), Map.of(key, "x")))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly(key));
		}
	}

	@Test
	void parameterNamesAreCheckedSinceTheyAreSpliced() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomFieldFilter.condition(field(FieldType.TEXT), "eq", "x", "p) OR (true"));
	}

	private static Condition eq(FieldType type, String value) {
		return CustomFieldFilter.condition(field(type), "eq", value, "cf0");
	}

	private static Condition contains(String jsonValue) {
		return new Condition(CONTAINS, Map.of("cf0", "{\"" + ID + "\":" + jsonValue + "}"));
	}

	private static FieldError error(FieldType type, String op, String value) {
		try {
			CustomFieldFilter.condition(field(type), op, value, "cf0");
		}
		catch (InvalidInput ex) {
			assertThat(ex.errors()).hasSize(1);
			return ex.errors().get(0);
		}
		throw new AssertionError("Expected invalid input: " + value);
	}

	private static CustomField field(FieldType type) {
		List<FieldOption> options = type.hasOptions() ? List.of(new FieldOption(OPTION, "Yes", null)) : List.of();
		return new CustomField(ID, "f", type, options, 0);
	}

}
