package dev.cairn.tasks;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A task would start after it is due.
 */
class StartAfterDue extends ApiException {

	StartAfterDue() {
		super(ErrorCode.INVALID_REFERENCE, "startDate is after dueDate.");
	}

}
