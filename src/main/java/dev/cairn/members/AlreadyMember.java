package dev.cairn.members;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * The user added to the project is a member of it already.
 */
class AlreadyMember extends ApiException {

	AlreadyMember() {
		super(ErrorCode.ALREADY_MEMBER, "This user is a member already; change their role instead.");
	}

}
