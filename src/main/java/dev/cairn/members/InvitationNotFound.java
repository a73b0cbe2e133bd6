package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * Not the caller's, or not pending: expired, answered, revoked, or to a project in the
 * trash. One answer for all, so an id tells nothing about anyone else's invitations.
 */
class InvitationNotFound extends ApiException {

	InvitationNotFound() {
		super(ErrorCode.INVITATION_NOT_FOUND, "No such invitation.");
	}

}
