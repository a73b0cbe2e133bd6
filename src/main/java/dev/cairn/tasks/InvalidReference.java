package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * An id in a change names nothing the task may refer to: a status, member, parent or
 * neighbour that is not of the task's project. The detail names the field.
 */
class InvalidReference extends ApiException {

	InvalidReference(String detail) {
		super(ErrorCode.INVALID_REFERENCE, detail);
	}

}
