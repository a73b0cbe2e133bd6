package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The project has as many statuses as a project may have.
 */
class TooManyStatuses extends ApiException {

	TooManyStatuses(int max) {
		super(ErrorCode.TOO_MANY, "A project has at most " + max + " statuses.");
	}

}
