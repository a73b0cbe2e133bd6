package dev.cairn.tasks;

import dev.cairn.fields.CustomFieldDeleted;
import dev.cairn.fields.CustomFieldOptionsRemoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes values off tasks when their custom field or option goes. A plain (synchronous)
 * listener on purpose: it runs inside the transaction that deletes the definition, so the
 * field and its values go together or not at all.
 */
@Component
class CustomFieldValueCleanup {

	private final TaskRepository tasks;

	private final TaskPlacementRepository placements;

	CustomFieldValueCleanup(TaskRepository tasks, TaskPlacementRepository placements) {
		this.tasks = tasks;
		this.placements = placements;
	}

	// The project lock before the task rows, as a move takes them: a bulk update of
	// values and a column being spread out then queue up instead of deadlocking.
	@EventListener
	void on(CustomFieldDeleted deleted) {
		this.placements.lockProject(deleted.projectId());
		this.tasks.removeFieldValues(deleted.projectId(), deleted.fieldId());
	}

	@EventListener
	void on(CustomFieldOptionsRemoved removed) {
		this.placements.lockProject(removed.projectId());
		this.tasks.removeOptionValues(removed.projectId(), removed.fieldId(), removed.optionIds());
	}

}
