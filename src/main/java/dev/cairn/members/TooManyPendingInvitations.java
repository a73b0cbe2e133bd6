package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The project has as many pending invitations to others as it may have.
 */
class TooManyPendingInvitations extends ApiException {

	TooManyPendingInvitations(int max) {
		super(ErrorCode.TOO_MANY, "A project has at most " + max
				+ " pending invitations; revoke some, or wait for them to be answered or expire.");
	}

}
