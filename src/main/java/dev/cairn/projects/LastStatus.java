package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The status is the project's last: a task always has a status, so a project keeps one.
 */
class LastStatus extends ApiException {

	LastStatus() {
		super(ErrorCode.LAST_STATUS, "A project keeps at least one status.");
	}

}
