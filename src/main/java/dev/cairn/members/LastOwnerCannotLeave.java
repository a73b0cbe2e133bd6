package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The owner leaving, removed or demoted is the project's last: a project always has one.
 */
class LastOwnerCannotLeave extends ApiException {

	LastOwnerCannotLeave() {
		super(ErrorCode.LAST_OWNER, "The last owner cannot leave or be demoted; make someone else an owner first.");
	}

}
