package dev.cairn.fields;

import java.util.UUID;

/**
 * A custom field was deleted. Published inside the deleting transaction, so a listener
 * that removes the tasks' values for it commits, or fails, together with the deletion.
 */
public record CustomFieldDeleted(UUID projectId, UUID fieldId) {

}
