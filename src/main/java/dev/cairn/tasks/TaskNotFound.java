package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No live task with this id that the caller may see: to a stranger to its project, a task
 * in another project does not exist (404, never 403).
 */
public class TaskNotFound extends ApiException {

	public TaskNotFound() {
		super(ErrorCode.TASK_NOT_FOUND, "No such task.");
	}

}
