package dev.cairn.fields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a custom field, which decides the values a task may hold for it. Fixed once
 * the field exists: values stored under one type mean nothing under another.
 */
public enum FieldType {

	TEXT, NUMBER, DATE, CHECKBOX, URL, SELECT, MULTISELECT, USER;

	/** As the API and the database spell it: {@code multiselect}. */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether values are chosen from the field's options. */
	public boolean hasOptions() {
		return this == SELECT || this == MULTISELECT;
	}

	public static Optional<FieldType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equals(value)).findFirst();
	}

}
