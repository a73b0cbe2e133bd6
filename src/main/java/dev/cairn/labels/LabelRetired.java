package dev.cairn.labels;

import java.util.UUID;

/**
 * A label is about to be deleted: published within the deleting transaction, before the
 * label row goes (and with it, by the foreign key, every task's use of it), so that the
 * tasks that carried it get a new version, their ETag. A copy of such a task cached with
 * the label must not pass for current.
 */
public record LabelRetired(UUID projectId, UUID labelId) {
}
