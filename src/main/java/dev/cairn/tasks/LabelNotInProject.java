package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A label put on a task is not one of its project's labels.
 */
class LabelNotInProject extends ApiException {

	LabelNotInProject() {
		super(ErrorCode.LABEL_NOT_FOUND, "No such label in this task's project.");
	}

}
