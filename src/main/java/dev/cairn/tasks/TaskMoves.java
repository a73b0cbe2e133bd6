package dev.cairn.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.cairn.activity.ActivityLog;
import dev.cairn.members.Capability;
import dev.cairn.members.Role;
import dev.cairn.web.IfMatch;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a task on the board: into another status, and to a place in a column given by
 * its new neighbours, the way a drag and drop describes it. Moves in one project are
 * serialized on the project row, so two concurrent moves never take the same position.
 */
@Service
class TaskMoves {

	private final TaskRepository tasks;

	private final TaskPlacementRepository placements;

	private final TaskAccess access;

	private final ActivityLog activity;

	private final WorkflowStates states;

	TaskMoves(TaskRepository tasks, TaskPlacementRepository placements, TaskAccess access, ActivityLog activity,
			WorkflowStates states) {
		this.tasks = tasks;
		this.states = states;
		this.placements = placements;
		this.access = access;
		this.activity = activity;
	}

	/**
	 * Moves a task.
	 * @param move where to: a status and the task to come after and/or before; with no
	 * status, the neighbours' status (or the task's own); with no neighbour, the bottom
	 * of the column
	 */
	@Transactional
	TaskView move(UUID userId, UUID taskId, Move move, IfMatch ifMatch) {
		Task found = this.tasks.find(taskId).filter((task) -> task.deletedAt() == null).orElseThrow(TaskNotFound::new);
		Role role = this.access.require(userId, found.projectId(), Capability.TASKS_WRITE);
		if (!this.placements.lockProject(found.projectId())) {
			throw new TaskNotFound();
		}
		Task task = this.access.liveForUpdate(taskId);
		ifMatch.require(task.version());
		Task above = neighbour(task, move.afterTaskId(), "afterTaskId");
		Task below = neighbour(task, move.beforeTaskId(), "beforeTaskId");
		UUID statusId = (move.statusId() != null) ? move.statusId()
				: (above != null) ? above.statusId() : (below != null) ? below.statusId() : task.statusId();
		String category = this.states.category(task.projectId(), statusId)
			.orElseThrow(() -> new InvalidReference("statusId is not a status of this project."));
		for (Task neighbour : new Task[] { above, below }) {
			if (neighbour != null && !neighbour.statusId().equals(statusId)) {
				throw new InvalidReference("The neighbours must be tasks in the status the task moves to.");
			}
		}
		if (above != null && below != null && above.position() >= below.position()) {
			throw new InvalidReference("afterTaskId must be above beforeTaskId in the column.");
		}
		// Both neighbours given: they must still be next to each other, or the client's
		// board is stale and "between them" means nothing.
		if (above != null && below != null
				&& !this.placements.positionBelow(task.projectId(), statusId, above.position(), task.id())
					.equals(Optional.of(below.position()))) {
			throw new NotNeighbours();
		}
		long position = place(task, statusId, above, below);
		this.placements.move(task.projectId(), taskId, statusId, position, WorkflowStates.isDone(category));
		Task moved = this.tasks.find(taskId).orElseThrow();
		this.activity.record(new TaskEvent.TaskMoved(task.projectId(), taskId, userId, TaskEvent.Place.of(task),
				TaskEvent.Place.of(moved), changes(task, moved)));
		return new TaskView(moved, this.tasks.labelsOf(taskId), role);
	}

	private Task neighbour(Task task, UUID neighbourId, String field) {
		if (neighbourId == null) {
			return null;
		}
		return this.tasks.find(neighbourId)
			.filter((found) -> found.projectId().equals(task.projectId()) && found.deletedAt() == null
					&& !found.id().equals(task.id()))
			.orElseThrow(() -> new InvalidReference(field + " is not another task of this project."));
	}

	/**
	 * The position between the neighbours; when they have no room between them, the
	 * column is spread out and the neighbours read again.
	 */
	private long place(Task task, UUID statusId, Task above, Task below) {
		if (above == null && below == null) {
			return this.placements.bottomOf(task.projectId(), statusId);
		}
		for (int attempt = 0; attempt < 2; attempt++) {
			// Boxed on both sides, so that a missing neighbour stays null.
			Long top = (above != null) ? Long.valueOf(above.position())
					: this.placements.positionAbove(task.projectId(), statusId, below.position(), task.id())
						.orElse(null);
			Long bottom = (below != null) ? Long.valueOf(below.position())
					: this.placements.positionBelow(task.projectId(), statusId, above.position(), task.id())
						.orElse(null);
			OptionalLong position = Positions.between(top, bottom);
			if (position.isPresent()) {
				return position.getAsLong();
			}
			this.placements.rebalance(task.projectId(), statusId);
			above = (above != null) ? this.tasks.find(above.id()).orElseThrow() : null;
			below = (below != null) ? this.tasks.find(below.id()).orElseThrow() : null;
		}
		throw new IllegalStateException("No room in the column even after spreading it out");
	}

	private static List<String> changes(Task before, Task after) {
		return before.statusId().equals(after.statusId()) ? List.of("position") : List.of("statusId", "position");
	}

	/**
	 * Where to move a task.
	 *
	 * @param statusId the column, or null
	 * @param afterTaskId the task that will be directly above, or null
	 * @param beforeTaskId the task that will be directly below, or null
	 */
	record Move(UUID statusId, UUID afterTaskId, UUID beforeTaskId) {
	}

}
