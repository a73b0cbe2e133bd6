package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * No status with this id in the project.
 */
class StatusNotFound extends ApiException {

	StatusNotFound() {
		this("No such status in this project.");
	}

	private StatusNotFound(String detail) {
		super(ErrorCode.STATUS_NOT_FOUND, detail);
	}

	/**
	 * The status a deleted one's tasks were to move to is not another of the project's.
	 */
	static StatusNotFound moveTo() {
		return new StatusNotFound("moveTo is not another status of this project.");
	}

}
