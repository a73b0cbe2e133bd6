package dev.cairn.tasks;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What other modules may ask about a task: which project it lives in.
 */
@Component
public class TaskDirectory {

	private final TaskRepository tasks;

	TaskDirectory(TaskRepository tasks) {
		this.tasks = tasks;
	}

	/** The project of a task that is not in the trash (nor is its project). */
	public Optional<UUID> liveProjectOf(UUID taskId) {
		return this.tasks.find(taskId).filter((task) -> task.deletedAt() == null).map(Task::projectId);
	}

}
