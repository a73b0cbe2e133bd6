package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A new parent would nest subtasks deeper than {@link TaskParents#MAX_DEPTH} levels.
 */
class SubtasksTooDeep extends ApiException {

	SubtasksTooDeep() {
		super(ErrorCode.SUBTASKS_TOO_DEEP,
				"Subtasks nest at most " + TaskParents.MAX_DEPTH + " levels deep (a task and four levels below it).");
	}

}
