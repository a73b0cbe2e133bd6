package dev.cairn.projects;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Tasks still have the status being deleted, and no status was named to move them to.
 */
class StatusInUse extends ApiException {

	StatusInUse() {
		super(ErrorCode.STATUS_IN_USE, "Tasks still have this status; give moveTo, the status they should move to.");
	}

}
