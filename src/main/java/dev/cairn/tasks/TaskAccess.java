package dev.cairn.tasks;

import java.util.UUID;

import dev.cairn.members.Capability;
import dev.cairn.members.ProjectAccess;
import dev.cairn.members.ProjectAccess.ProjectNotFound;
import dev.cairn.members.Role;

import org.springframework.stereotype.Component;

/**
 * The access rules of the task use cases, in one place: a task exists only for members of
 * its project, so a stranger to the project gets "no such task", never "no such project".
 */
@Component
class TaskAccess {

	private final ProjectAccess access;

	private final TaskRepository tasks;

	TaskAccess(ProjectAccess access, TaskRepository tasks) {
		this.access = access;
		this.tasks = tasks;
	}

	/**
	 * For routes under a project: a stranger to it gets "no such project".
	 */
	Role inProject(UUID userId, UUID projectId, Capability capability) {
		return this.access.requireLive(userId, projectId, capability);
	}

	/**
	 * For routes under a task: a stranger to its project gets "no such task".
	 */
	Role require(UUID userId, UUID projectId, Capability capability) {
		try {
			return this.access.requireLive(userId, projectId, capability);
		}
		catch (ProjectNotFound ex) {
			throw new TaskNotFound();
		}
	}

	/** A task that is not in the trash, locked for the rest of the transaction. */
	Task liveForUpdate(UUID taskId) {
		return this.tasks.findForUpdate(taskId)
			.filter((task) -> task.deletedAt() == null)
			.orElseThrow(TaskNotFound::new);
	}

	/** A task that is not in the trash, when the caller may read its project. */
	Task readable(UUID userId, UUID taskId) {
		Task task = this.tasks.find(taskId).filter((found) -> found.deletedAt() == null).orElseThrow(TaskNotFound::new);
		require(userId, task.projectId(), Capability.PROJECT_READ);
		return task;
	}

	boolean isMember(UUID userId, UUID projectId) {
		return this.access.isMember(userId, projectId);
	}

}
