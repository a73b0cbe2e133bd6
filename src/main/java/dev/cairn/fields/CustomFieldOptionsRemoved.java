package dev.cairn.fields;

import java.util.Set;
import java.util.UUID;

/**
 * Options of a select or multiselect field were removed. Published inside the changing
 * transaction, so a listener that takes them out of the tasks' values commits, or fails,
 * together with the change.
 */
public record CustomFieldOptionsRemoved(UUID projectId, UUID fieldId, Set<UUID> optionIds) {

	public CustomFieldOptionsRemoved {
		optionIds = Set.copyOf(optionIds);
	}

}
