package dev.cairn.fields;

import java.util.UUID;

/**
 * A choice of a select or multiselect field. Its id, not its name, is what tasks store,
 * so renaming an option changes no task.
 *
 * @param color {@code #rrggbb}, or null when the option has none
 */
public record FieldOption(UUID id, String name, String color) {

}
