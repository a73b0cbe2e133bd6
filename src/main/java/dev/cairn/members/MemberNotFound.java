package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The user is not a member of the project.
 */
class MemberNotFound extends ApiException {

	MemberNotFound() {
		super(ErrorCode.MEMBER_NOT_FOUND, "No such member in this project.");
	}

}
