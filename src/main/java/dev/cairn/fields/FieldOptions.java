package dev.cairn.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import dev.cairn.fields.FieldCommands.OptionDraft;
import dev.cairn.platform.Ids;
import dev.cairn.web.Colors;
import dev.cairn.web.Patch;

/**
 * The rules of a field's option list, the same on create and on update: only select and
 * multiselect fields have options, 1 to {@value #MAX_OPTIONS} of them, names unique
 * whatever their case, colours {@code #rrggbb}. An option given with an id keeps it (a
 * rename or a new colour), one without gets a new id, and one left out is removed.
 */
final class FieldOptions {

	static final int MAX_OPTIONS = 100;

	static final int MAX_NAME = 50;

	private static final Set<String> OPTION_FIELDS = Set.of("id", "name", "color");

	private FieldOptions() {
	}

	/**
	 * Reads the options array of a merge patch; problems go to {@code reject} as
	 * {@code (field, message)}.
	 */
	static List<OptionDraft> read(JsonNode options, BiConsumer<String, String> reject) {
		if (options.isNull()) {
			reject.accept("options", "must not be null");
			return List.of();
		}
		if (!options.isArray()) {
			reject.accept("options", "must be an array");
			return List.of();
		}
		if (options.size() > MAX_OPTIONS) {
			reject.accept("options", "must have at most " + MAX_OPTIONS + " options");
			return List.of();
		}
		List<OptionDraft> drafts = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			JsonNode option = options.get(i);
			String path = "options[" + i + "]";
			if (!option.isObject()) {
				reject.accept(path, "must be an object");
				continue;
			}
			option.propertyNames()
				.stream()
				.filter((name) -> !OPTION_FIELDS.contains(name))
				.forEach((name) -> reject.accept(path + "." + name, "is not a known field"));
			drafts.add(new OptionDraft(id(option.get("id"), path + ".id", reject),
					string(option.get("name"), path + ".name", reject),
					color(option.get("color"), path + ".color", reject)));
		}
		return drafts;
	}

	/**
	 * Checks a field's new option list and completes it: ids for new options, names
	 * stripped, colours in lower case.
	 * @param existing the field's options before the change (empty on create)
	 */
	static List<FieldOption> settle(FieldType type, List<OptionDraft> drafts, List<FieldOption> existing,
			BiConsumer<String, String> reject) {
		if (!type.hasOptions()) {
			if (!drafts.isEmpty()) {
				reject.accept("options", "only select and multiselect fields have options");
			}
			return List.of();
		}
		if (drafts.isEmpty() || drafts.size() > MAX_OPTIONS) {
			reject.accept("options", "must have 1 to " + MAX_OPTIONS + " options");
			return List.of();
		}
		Map<UUID, FieldOption> known = new HashMap<>();
		existing.forEach((option) -> known.put(option.id(), option));
		Set<UUID> ids = new HashSet<>();
		Set<String> names = new HashSet<>();
		List<FieldOption> settled = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			OptionDraft draft = drafts.get(i);
			String path = "options[" + i + "]";
			if (draft.id() != null && !known.containsKey(draft.id())) {
				reject.accept(path + ".id", "is not an option of this field (leave it out for a new option)");
			}
			else if (draft.id() != null && !ids.add(draft.id())) {
				reject.accept(path + ".id", "repeats another option");
			}
			String name = (draft.name() != null) ? draft.name().strip() : "";
			if (name.isEmpty()) {
				reject.accept(path + ".name", "must not be blank");
			}
			else if (name.codePointCount(0, name.length()) > MAX_NAME) {
				reject.accept(path + ".name", "must be at most " + MAX_NAME + " characters");
			}
			else if (!names.add(name.toLowerCase(Locale.ROOT))) {
				reject.accept(path + ".name", "repeats the name of another option");
			}
			if (draft.color() instanceof Patch.Set<String>(String color) && !Colors.isColor(color)) {
				reject.accept(path + ".color", Colors.RULE);
			}
			// An option renamed or moved keeps its colour unless the change names one.
			FieldOption before = (draft.id() != null) ? known.get(draft.id()) : null;
			String color = draft.color().applyTo((before != null) ? before.color() : null);
			settled.add(new FieldOption((draft.id() != null) ? draft.id() : Ids.newId(), name,
					(color != null) ? color.toLowerCase(Locale.ROOT) : null));
		}
		return settled;
	}

	private static UUID id(JsonNode value, String path, BiConsumer<String, String> reject) {
		String text = string(value, path, reject);
		if (text == null) {
			return null;
		}
		try {
			return (text.length() == 36) ? UUID.fromString(text) : invalidId(path, reject);
		}
		catch (IllegalArgumentException ex) {
			return invalidId(path, reject);
		}
	}

	private static UUID invalidId(String path, BiConsumer<String, String> reject) {
		reject.accept(path, "must be an id (UUID)");
		return null;
	}

	// Absent keeps the colour, null clears it, text sets it.
	private static Patch<String> color(JsonNode value, String path, BiConsumer<String, String> reject) {
		if (value == null) {
			return Patch.absent();
		}
		if (!value.isNull() && !value.isString()) {
			reject.accept(path, "must be a string");
			return Patch.absent();
		}
		return Patch.ofNullable(value.isNull() ? null : value.asString());
	}

	private static String string(JsonNode value, String path, BiConsumer<String, String> reject) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			reject.accept(path, "must be a string");
			return null;
		}
		return value.asString();
	}

}
