package dev.cairn.fields;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The definition of a custom field of a project.
 *
 * @param options the choices of a select or multiselect field in display order, empty for
 * the other types
 * @param position place in the project's field order, 0 first
 */
public record CustomField(UUID id, String name, FieldType type, List<FieldOption> options, int position) {

	public CustomField {
		options = List.copyOf(options);
	}

	/** The option with this id, if the field has it. */
	public Optional<FieldOption> option(UUID optionId) {
		return this.options.stream().filter((option) -> option.id().equals(optionId)).findFirst();
	}

}
