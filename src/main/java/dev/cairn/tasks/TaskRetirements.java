package dev.cairn.tasks;

import dev.cairn.labels.LabelRetired;
import dev.cairn.projects.StatusRetired;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the tasks module does to its tasks when another module retires something they use,
 * in the transaction that retires it: a deleted status's tasks move to the status chosen
 * for them; a deleted label's tasks get a new version (their labels change). So the
 * change and its effect on tasks commit together, and each module writes only its own
 * tables.
 */
@Component
class TaskRetirements {

	private final TaskPlacementRepository placements;

	private final TaskRepository tasks;

	TaskRetirements(TaskPlacementRepository placements, TaskRepository tasks) {
		this.placements = placements;
		this.tasks = tasks;
	}

	@EventListener
	void on(StatusRetired retired) {
		this.placements.moveAll(retired.projectId(), retired.statusId(), retired.movedTo(),
				retired.movedToCategory().isDone());
	}

	@EventListener
	void on(LabelRetired retired) {
		this.tasks.bumpVersionsOfLabelled(retired.projectId(), retired.labelId());
	}

}
