package dev.cairn.fields;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.cairn.web.Checks;
import dev.cairn.web.Patch;

/**
 * The changes {@link CustomFields} takes, checked when built, so that every face (REST
 * now; GraphQL, imports, the web UI later) gets the same rules and the service a valid
 * command: names stripped. An option list is checked by the service, against the field's
 * type and the options it has ({@link FieldOptions}).
 */
public final class FieldCommands {

	static final int MAX_NAME = FieldOptions.MAX_NAME;

	/** The highest position a new field may ask for; beyond the last is last. */
	static final int MAX_POSITION = 1000;

	static final String POSITION_RULE = "must be a whole number from 0";

	static final String TYPE_RULE = "must be one of text, number, date, checkbox, url, select, multiselect, user";

	private FieldCommands() {
	}

	/**
	 * A new field.
	 *
	 * @param options the choices of a select or multiselect field, none for the others
	 * @param position its place in the project's field order, 0 first; null puts it last
	 */
	public record CreateField(String name, FieldType type, List<OptionDraft> options, @Nullable Integer position) {

		public CreateField {
			Checks checks = new Checks();
			name = checks.name("name", name, MAX_NAME);
			if (type == null) {
				checks.reject("type", TYPE_RULE);
			}
			options = (options != null) ? List.copyOf(options) : List.of();
			if (position != null && (position < 0 || position > MAX_POSITION)) {
				checks.reject("position", "must be from 0 to " + MAX_POSITION);
			}
			checks.rejectIfAny();
		}

	}

	/**
	 * A change to a field: rename, new options, move. Nothing of it can be cleared; a
	 * type may be given only as the one the field has (a client may send back what it
	 * read).
	 *
	 * @param options the whole new option list: an option with an id keeps it, one
	 * without is new, one left out is removed
	 */
	public record FieldPatch(Patch<String> name, Patch<FieldType> type, Patch<List<OptionDraft>> options,
			Patch<Integer> position) {

		public FieldPatch {
			Checks checks = new Checks();
			name = checks.notCleared("name", name).map((value) -> checks.name("name", value, MAX_NAME));
			type = checks.notCleared("type", type);
			options = checks.notCleared("options", options).map(List::copyOf);
			if (Objects.requireNonNull(position) instanceof Patch.Cleared<Integer>
					|| (position instanceof Patch.Set<Integer>(Integer at) && at < 0)) {
				checks.reject("position", POSITION_RULE);
				position = Patch.absent();
			}
			checks.rejectIfAny();
		}

	}

	/**
	 * An option as a command gives it.
	 *
	 * @param id the option's id to keep it, null for a new option
	 * @param color {@code #rrggbb} to set, cleared for none, absent to keep the colour an
	 * option given by id has (a new option has none)
	 */
	public record OptionDraft(@Nullable UUID id, String name, Patch<String> color) {

		public OptionDraft {
			Objects.requireNonNull(color, "color");
		}

	}

}
