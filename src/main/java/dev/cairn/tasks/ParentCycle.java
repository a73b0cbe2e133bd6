package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A new parent would make a task its own ancestor.
 */
class ParentCycle extends ApiException {

	ParentCycle() {
		super(ErrorCode.PARENT_CYCLE, "A task cannot be a subtask of itself or of its own subtasks.");
	}

}
