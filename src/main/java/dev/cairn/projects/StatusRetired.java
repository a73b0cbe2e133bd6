package dev.cairn.projects;

import java.util.UUID;

/**
 * A status is about to be deleted and its tasks must go to another of the project's
 * statuses first: published within the deleting transaction, for the tasks module to move
 * them (to the bottom of {@code movedTo}, in their order, completed or reopened by its
 * category) before the status goes. The projects module writes only its own tables.
 */
public record StatusRetired(UUID projectId, UUID statusId, UUID movedTo, StatusCategory movedToCategory) {
}
