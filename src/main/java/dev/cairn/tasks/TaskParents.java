package dev.cairn.tasks;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The rules of subtasks: a parent is a live task of the same project, a task is never
 * below itself, and the tree is at most {@link #MAX_DEPTH} levels deep, so that reading a
 * tree is always a bounded walk. Callers hold the project lock
 * ({@link TaskPlacementRepository#lockProject}), so two reparentings cannot make a cycle
 * between them.
 */
@Component
class TaskParents {

	/** A top-level task is level 1; its deepest subtask may be at level 5. */
	static final int MAX_DEPTH = 5;

	private final TaskRepository tasks;

	private final TaskPlacementRepository placements;

	TaskParents(TaskRepository tasks, TaskPlacementRepository placements) {
		this.tasks = tasks;
		this.placements = placements;
	}

	/**
	 * Checks that {@code parentId} may become the parent of a task.
	 * @param taskId the task, or null for a task being created
	 */
	void check(UUID projectId, UUID taskId, UUID parentId) {
		boolean live = this.tasks.find(parentId)
			.filter((parent) -> parent.projectId().equals(projectId) && parent.deletedAt() == null)
			.isPresent();
		if (!live) {
			throw new InvalidReference("parentId is not a task of this project.");
		}
		List<UUID> chain = this.placements.ancestry(projectId, parentId, MAX_DEPTH);
		if (taskId != null && chain.contains(taskId)) {
			throw new ParentCycle();
		}
		int height = (taskId != null) ? this.placements.subtreeHeight(projectId, taskId, MAX_DEPTH) : 0;
		if (chain.size() + 1 + height > MAX_DEPTH) {
			throw new SubtasksTooDeep();
		}
	}

}
