package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Another status of the project has this name.
 */
class StatusNameTaken extends ApiException {

	StatusNameTaken(String name) {
		super(ErrorCode.STATUS_NAME_TAKEN, "The project has a status named " + name + " already.");
	}

}
